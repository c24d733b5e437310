// The console's words in both languages; zh-CN first. Every key exists in both (ConsoleFilesTest checks).
export const MESSAGES = {
  'zh-CN': {
    'app.title': '营销管理控制台',
    'nav.dashboard': '仪表盘',
    'session.signOut': '退出',
    'session.language': 'English',
    'signin.title': '登录',
    'signin.dev': '本地开发登录：选择角色与组织单元',
    'signin.role': '角色',
    'signin.orgUnit': '组织单元代码',
    'signin.staffId': '员工编号（可选）',
    'signin.submit': '登录',
    'signin.none': '此部署未配置登录方式。',
    'role.gm': '总经理', 'role.marketing_director': '营销总监', 'role.manager': '分公司经理',
    'role.supervisor': '主管', 'role.staff': '员工', 'role.analyst': '分析员', 'role.ops': '运维',
    'dashboard.title': '{unit} 仪表盘',
    'dashboard.asOf': '业务日 {date}（{zone}）',
    'dashboard.day': '今日', 'dashboard.week': '本周', 'dashboard.month': '本月',
    'dashboard.target': '目标 {target}',
    'dashboard.achievement': '达成 {rate}',
    'dashboard.noValue': '—',
    'dashboard.ranking': '{kpi}：下级单位排名（本月）',
    'dashboard.staffRanking': '{kpi}：员工排名（本月）',
    'dashboard.rank': '名次', 'dashboard.unit': '单位', 'dashboard.staff': '员工', 'dashboard.value': '数值',
    'dashboard.nothingToRank': '暂无可排名的数据',
    'dashboard.alerts': '预警（连续 3 期未达标）',
    'dashboard.noAlerts': '无未关闭的预警',
    'dashboard.alert': '{kpi} · {unit} · 自 {start} 起连续 {misses} 期未达标',
    'dashboard.live': '实时', 'dashboard.offline': '连接中断，正在重连',
    'grain.days': '日', 'grain.weeks': '周', 'grain.months': '月',
    'chart.value': '实际', 'chart.target': '目标',
    'kpi.SALES_AMOUNT': '销售额', 'kpi.TARGET_ACHIEVEMENT_RATE': '目标达成率', 'kpi.NEW_CUSTOMERS': '新增客户',
    'kpi.FOLLOW_UP_COMPLETION_RATE': '回访完成率', 'kpi.COMPLAINT_ON_TIME_RATE': '投诉及时处理率',
    'kpi.SATISFACTION_RATE': '满意度', 'kpi.CHURN_RATE': '客户流失率', 'kpi.CAMPAIGN_ROI': '活动投资回报率',
    'kpi.EXPENSE_CONTROL_RATE': '费用控制率', 'kpi.REPORT_ON_TIME_RATE': '报告按时率',
    'problem.network': '无法连接服务器',
  },
  en: {
    'app.title': 'Marketing console',
    'nav.dashboard': 'Dashboard',
    'session.signOut': 'Sign out',
    'session.language': '中文',
    'signin.title': 'Sign in',
    'signin.dev': 'Local development sign-in: pick a role and an org unit',
    'signin.role': 'Role',
    'signin.orgUnit': 'Org unit code',
    'signin.staffId': 'Staff id (optional)',
    'signin.submit': 'Sign in',
    'signin.none': 'This deployment has no sign-in configured.',
    'role.gm': 'General manager', 'role.marketing_director': 'Marketing director', 'role.manager': 'Branch manager',
    'role.supervisor': 'Supervisor', 'role.staff': 'Staff', 'role.analyst': 'Analyst', 'role.ops': 'Operations',
    'dashboard.title': '{unit} dashboard',
    'dashboard.asOf': 'Business day {date} ({zone})',
    'dashboard.day': 'Today', 'dashboard.week': 'This week', 'dashboard.month': 'This month',
    'dashboard.target': 'target {target}',
    'dashboard.achievement': '{rate} of target',
    'dashboard.noValue': '—',
    'dashboard.ranking': '{kpi}: units below, ranked (this month)',
    'dashboard.staffRanking': '{kpi}: staff ranked (this month)',
    'dashboard.rank': 'Rank', 'dashboard.unit': 'Unit', 'dashboard.staff': 'Staff', 'dashboard.value': 'Value',
    'dashboard.nothingToRank': 'Nothing to rank yet',
    'dashboard.alerts': 'Alerts (target missed 3 periods running)',
    'dashboard.noAlerts': 'No open alerts',
    'dashboard.alert': '{kpi} · {unit} · missed {misses} periods running since {start}',
    'dashboard.live': 'Live', 'dashboard.offline': 'Disconnected, reconnecting',
    'grain.days': 'Day', 'grain.weeks': 'Week', 'grain.months': 'Month',
    'chart.value': 'Actual', 'chart.target': 'Target',
    'kpi.SALES_AMOUNT': 'Sales', 'kpi.TARGET_ACHIEVEMENT_RATE': 'Target achievement', 'kpi.NEW_CUSTOMERS': 'New customers',
    'kpi.FOLLOW_UP_COMPLETION_RATE': 'Follow-ups completed', 'kpi.COMPLAINT_ON_TIME_RATE': 'Complaints on time',
    'kpi.SATISFACTION_RATE': 'Satisfaction', 'kpi.CHURN_RATE': 'Churn', 'kpi.CAMPAIGN_ROI': 'Campaign ROI',
    'kpi.EXPENSE_CONTROL_RATE': 'Expense control', 'kpi.REPORT_ON_TIME_RATE': 'Reports on time',
    'problem.network': 'The server cannot be reached',
  },
};

const STORE = 'console.language';
let language = localStorage.getItem(STORE) === 'en' ? 'en' : 'zh-CN';

export function lang() { return language; }

export function setLanguage(next) {
  language = next === 'en' ? 'en' : 'zh-CN';
  localStorage.setItem(STORE, language);
  document.documentElement.lang = language;
}

/** The message for key with {name} placeholders filled; the key itself when neither language has it. */
export function t(key, vars = {}) {
  const text = MESSAGES[language][key] ?? MESSAGES['zh-CN'][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (vars[name] ?? ''));
}

/**
 * A KPI figure as the API gives it (a decimal string) in the unit the API names: MONEY in CNY (the platform's only
 * currency) with its two places,
 * rates as percentages, counts as integers. Never through floating point for money: the string is grouped as is.
 */
export function figure(value, unit) {
  if (value === null || value === undefined) return t('dashboard.noValue');
  if (unit === 'RATE') {
    const [whole, frac = ''] = (Number(value) * 100).toFixed(2).split('.');
    return `${whole}.${frac}%`;
  }
  const [whole, frac] = String(value).split('.');
  const negative = whole.startsWith('-');
  const digits = negative ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const number = (negative ? '-' : '') + grouped + (frac !== undefined ? '.' + frac : '');
  return unit === 'MONEY' ? '¥' + number : number;
}

export function percent(rate) {
  return rate === null || rate === undefined ? t('dashboard.noValue') : figure(rate, 'RATE');
}
