// The console's words in both languages; zh-CN first. Every key exists in both (ConsoleFilesTest checks).
export const MESSAGES = {
  'zh-CN': {
    'app.title': '营销管理控制台',
    'nav.dashboard': '仪表盘',
    'nav.plans': '计划与报告',
    'plans.title': '{unit} 的计划', 'plans.reports': '本期周报、月报提交情况', 'plans.plan': '计划', 'plans.kind': '类型',
    'plans.none': '没有计划', 'plans.budget': '预算 {total}', 'plans.goals': '目标进度', 'plans.tasks': '任务执行',
    'plans.history': '审批历史', 'plans.noGoals': '没有可度量的目标（或计划尚未批准）', 'plans.noTasks': '没有任务',
    'plans.goal': '目标', 'plans.target': '目标值', 'plans.actual': '实际', 'plans.achieved': '完成度',
    'plans.expected': '应完成', 'plans.atRisk': '有风险', 'plans.manual': '手工填报', 'plans.source': '数据来源',
    'plans.taskSummary': '共 {total} 项任务，完成 {done}%，逾期 {overdue} 项',
    'planKind.STRATEGIC': '战略规划', 'planKind.ANNUAL': '年度计划', 'planKind.QUARTERLY': '季度计划',
    'planKind.MONTHLY': '月度计划', 'planKind.WEEKLY': '周计划', 'planKind.DAILY': '日计划',
    'planState.DRAFT': '草稿', 'planState.SUBMITTED': '已提交', 'planState.IN_REVIEW': '审核中',
    'planState.APPROVED': '已批准', 'planState.REJECTED': '已驳回', 'planState.SUPERSEDED': '已被替代',
    'planState.DISCARDED': '已废弃',
    'reports.title': '{unit} 的报告', 'reports.WEEKLY': '周报 {period}：尚未提交', 'reports.MONTHLY': '月报 {period}：尚未提交',
    'reports.submitted': '已提交', 'reports.submittedAt': '提交时间', 'reports.noneSubmitted': '尚无人提交',
    'reports.due': '截止', 'reports.lateUntil': '补交截止', 'reports.allIn': '全部已提交',
    'reportStatus.NOT_DUE': '未到期', 'reportStatus.ON_TIME': '按时', 'reportStatus.LATE': '迟交',
    'reportStatus.OVERDUE': '逾期', 'reportStatus.MISSING': '缺交',
    'nav.complaints': '投诉看板', 'nav.followUps': '今日回访',
    'complaints.title': '投诉看板（未关闭，按解决时限排序）', 'complaints.customer': '客户', 'complaints.category': '类别',
    'complaints.severity': '严重程度', 'complaints.state': '状态', 'complaints.firstResponse': '首次响应时限',
    'complaints.resolution': '解决时限', 'complaints.none': '没有未关闭的投诉', 'complaints.done': '已完成',
    'complaints.left': '剩余 {span}', 'complaints.overdue': '已超时 {span}',
    'severity.LOW': '低', 'severity.MEDIUM': '中', 'severity.HIGH': '高', 'severity.SERIOUS': '严重',
    'complaintState.NEW': '新建', 'complaintState.ASSIGNED': '已分派', 'complaintState.IN_PROGRESS': '处理中',
    'complaintState.ESCALATED': '已升级', 'complaintState.REOPENED': '重新打开',
    'followUps.title': '{who} 的今日回访（{day}）', 'followUps.due': '截止时间', 'followUps.kind': '类型',
    'followUps.period': '周期', 'followUps.none': '今天没有待办回访', 'followUps.endOfToday': '今天 24:00',
    'contact.CALL': '电话回访', 'contact.VISIT': '上门拜访', 'contact.AFTER_SALES_CALLBACK': '售后回访',
    'nav.customers': '客户',
    'customers.title': '客户', 'customers.search': '名称或电话', 'customers.anyGrade': '全部等级',
    'customers.find': '查询', 'customers.name': '名称', 'customers.grade': '等级', 'customers.tier': '层级',
    'customers.phone': '电话', 'customers.none': '没有符合条件的客户', 'customers.gradeIs': '{grade} 类客户',
    'customers.spend12': '近 12 个月消费', 'customers.lifetime': '累计消费', 'customers.orders': '订单数',
    'customers.score': '价值评分', 'customers.purchases': '每月消费', 'customers.spend': '消费',
    'customers.timeline': '客户动态', 'customers.nothingYet': '暂无记录',
    'customers.gradeChange': '{from} → {to} {reason}', 'customers.followUp': '{kind}（{state}）',
    'customers.complaint': '{category}（{state}）',
    'customers.anyTier': '全部会员层级', 'tier.NONE': '非会员', 'tier.SILVER': '银卡', 'tier.GOLD': '金卡', 'tier.DIAMOND': '钻石卡',
    'timeline.edit': '资料变更', 'timeline.tier': '会员层级', 'timeline.credit': '信用等级',
    'customers.standingChange': '{from} → {to}（{why}）{who}', 'customers.windowSpend': '，窗口期净消费 {spend}',
    'tierSource.SALES': '消费变化', 'tierSource.AGING': '窗口期滚动', 'tierSource.NOMINATION': 'VIP 提名获批',
    'credit.ORDINARY': '普通客户', 'credit.GREEN': '绿名单', 'credit.YELLOW': '黄名单', 'credit.RED': '红名单',
    'credit.BLACK': '黑名单', 'creditReason.APPROVED_REQUEST': '信用变更申请获批',
    'creditReason.FULFILMENT_BELOW_MINIMUM': '合同履约率低于下限，自动降级', 'creditReason.AMOUNT_BAND': '按交易额',
    'creditReason.CAPPED_BY_FULFILMENT': '受履约率限制', 'creditReason.AMOUNT_BELOW_KEY_ACCOUNT_MINIMUM': '交易额不足大客户标准',
    'timeline.grade': '等级调整', 'timeline.follow-up': '回访', 'timeline.complaint': '投诉', 'timeline.contact': '联系',
    'nav.campaigns': '营销活动',
    'campaigns.title': '营销活动', 'campaigns.code': '编号', 'campaigns.theme': '主题', 'campaigns.owner': '所属单位',
    'campaigns.period': '活动期', 'campaigns.state': '状态', 'campaigns.none': '该状态下没有活动',
    'campaigns.total': '累计 {total}', 'campaigns.branches': '各分公司进度（起步目标 / 预算目标）',
    'campaigns.achieved': '已完成', 'campaigns.starting': '起步目标', 'campaigns.budget': '预算目标',
    'campaigns.reachedAt': '{at} 达成', 'campaigns.leaderboard': '业务员排行榜', 'campaigns.review': '审批记录',
    'campaigns.submittedBy': '{who} 提交', 'campaigns.awaiting': '等待 {role} 审批', 'campaigns.noReview': '尚未提交',
    'campaigns.awards': '奖励结果', 'campaigns.noAwards': '暂无奖励结果',
    'campaigns.pool': '奖池 {pool}，已分配 {awarded}', 'campaigns.submit': '提交审批', 'campaigns.approve': '批准',
    'campaigns.reject': '驳回', 'campaigns.comment': '审批意见',
    'verdict.APPROVE': '批准', 'verdict.REJECT': '驳回',
    'state.DRAFT': '草稿', 'state.SUBMITTED': '已提交', 'state.IN_REVIEW': '审批中', 'state.APPROVED': '已批准',
    'state.PILOT': '试点', 'state.ACTIVE': '进行中', 'state.CLOSED': '已结束', 'state.ARCHIVED': '已归档',
    'state.WITHDRAWN': '已撤回',
    'session.signOut': '退出',
    'session.language': 'English',
    'signin.title': '登录',
    'signin.dev': '本地开发登录：选择角色与组织单元',
    'signin.role': '角色',
    'signin.orgUnit': '组织单元代码',
    'signin.staffId': '员工编号（可选）',
    'signin.submit': '登录',
    'signin.oidc': '使用公司账号登录',
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
    'nav.plans': 'Plans and reports',
    'plans.title': 'Plans of {unit}', 'plans.reports': 'Weekly and monthly reports of this period', 'plans.plan': 'Plan',
    'plans.kind': 'Kind', 'plans.none': 'No plan', 'plans.budget': 'budget {total}', 'plans.goals': 'Goals',
    'plans.tasks': 'Tasks', 'plans.history': 'Approval history',
    'plans.noGoals': 'No measurable goal (or the plan is not approved yet)', 'plans.noTasks': 'No task',
    'plans.goal': 'Goal', 'plans.target': 'Target', 'plans.actual': 'Actual', 'plans.achieved': 'Achieved',
    'plans.expected': 'Expected by today', 'plans.atRisk': 'at risk', 'plans.manual': 'reported by hand',
    'plans.source': 'Source', 'plans.taskSummary': '{total} tasks, {done}% done, {overdue} overdue',
    'planKind.STRATEGIC': 'Strategic', 'planKind.ANNUAL': 'Annual', 'planKind.QUARTERLY': 'Quarterly',
    'planKind.MONTHLY': 'Monthly', 'planKind.WEEKLY': 'Weekly', 'planKind.DAILY': 'Daily',
    'planState.DRAFT': 'draft', 'planState.SUBMITTED': 'submitted', 'planState.IN_REVIEW': 'in review',
    'planState.APPROVED': 'approved', 'planState.REJECTED': 'rejected', 'planState.SUPERSEDED': 'superseded',
    'planState.DISCARDED': 'discarded',
    'reports.title': 'Reports of {unit}', 'reports.WEEKLY': 'Weekly report {period}: not submitted yet',
    'reports.MONTHLY': 'Monthly report {period}: not submitted yet', 'reports.due': 'Due',
    'reports.submitted': 'Submitted', 'reports.submittedAt': 'Submitted at', 'reports.noneSubmitted': 'Nobody yet',
    'reports.lateUntil': 'Late until', 'reports.allIn': 'Everyone has submitted',
    'reportStatus.NOT_DUE': 'not due', 'reportStatus.ON_TIME': 'on time', 'reportStatus.LATE': 'late',
    'reportStatus.OVERDUE': 'overdue', 'reportStatus.MISSING': 'missing',
    'nav.complaints': 'Complaints', 'nav.followUps': 'Follow-ups today',
    'complaints.title': 'Complaints board (open, by resolution deadline)', 'complaints.customer': 'Customer',
    'complaints.category': 'Category', 'complaints.severity': 'Severity', 'complaints.state': 'State',
    'complaints.firstResponse': 'First response due', 'complaints.resolution': 'Resolution due',
    'complaints.none': 'No open complaint', 'complaints.done': 'done',
    'complaints.left': '{span} left', 'complaints.overdue': 'overdue by {span}',
    'severity.LOW': 'low', 'severity.MEDIUM': 'medium', 'severity.HIGH': 'high', 'severity.SERIOUS': 'serious',
    'complaintState.NEW': 'new', 'complaintState.ASSIGNED': 'assigned', 'complaintState.IN_PROGRESS': 'in progress',
    'complaintState.ESCALATED': 'escalated', 'complaintState.REOPENED': 'reopened',
    'followUps.title': 'Follow-ups due today for {who} ({day})', 'followUps.due': 'Due', 'followUps.kind': 'Kind',
    'followUps.period': 'Period', 'followUps.none': 'Nothing due today', 'followUps.endOfToday': 'today 24:00',
    'contact.CALL': 'Call', 'contact.VISIT': 'Visit', 'contact.AFTER_SALES_CALLBACK': 'After-sales callback',
    'nav.customers': 'Customers',
    'customers.title': 'Customers', 'customers.search': 'Name or phone', 'customers.anyGrade': 'Any grade',
    'customers.find': 'Search', 'customers.name': 'Name', 'customers.grade': 'Grade', 'customers.tier': 'Tier',
    'customers.phone': 'Phone', 'customers.none': 'No customer matches', 'customers.gradeIs': 'grade {grade}',
    'customers.spend12': 'Spend, last 12 months', 'customers.lifetime': 'Lifetime spend', 'customers.orders': 'Orders',
    'customers.score': 'Value score', 'customers.purchases': 'Spend per month', 'customers.spend': 'Spend',
    'customers.timeline': 'Timeline', 'customers.nothingYet': 'Nothing recorded yet',
    'customers.gradeChange': '{from} → {to} {reason}', 'customers.followUp': '{kind} ({state})',
    'customers.complaint': '{category} ({state})',
    'customers.anyTier': 'Any tier', 'tier.NONE': 'no tier', 'tier.SILVER': 'silver', 'tier.GOLD': 'gold',
    'tier.DIAMOND': 'diamond', 'timeline.edit': 'Edit', 'timeline.tier': 'Tier', 'timeline.credit': 'Credit tier',
    'customers.standingChange': '{from} → {to} ({why}){who}', 'customers.windowSpend': ', net spend in the window {spend}',
    'tierSource.SALES': 'purchases', 'tierSource.AGING': 'the window rolled on',
    'tierSource.NOMINATION': 'VIP nomination approved', 'credit.ORDINARY': 'ordinary', 'credit.GREEN': 'green list',
    'credit.YELLOW': 'yellow list', 'credit.RED': 'red list', 'credit.BLACK': 'black list',
    'creditReason.APPROVED_REQUEST': 'change request approved',
    'creditReason.FULFILMENT_BELOW_MINIMUM': 'contract fulfilment below the minimum: automatic downgrade',
    'creditReason.AMOUNT_BAND': 'by transaction amount', 'creditReason.CAPPED_BY_FULFILMENT': 'capped by fulfilment',
    'creditReason.AMOUNT_BELOW_KEY_ACCOUNT_MINIMUM': 'too little business for a key account',
    'timeline.grade': 'Grade change', 'timeline.follow-up': 'Follow-up', 'timeline.complaint': 'Complaint',
    'timeline.contact': 'Contact',
    'nav.campaigns': 'Campaigns',
    'campaigns.title': 'Campaigns', 'campaigns.code': 'Code', 'campaigns.theme': 'Theme', 'campaigns.owner': 'Owner',
    'campaigns.period': 'Period', 'campaigns.state': 'State', 'campaigns.none': 'No campaign in this state',
    'campaigns.total': 'total {total}', 'campaigns.branches': 'Branches (starting target / budget target)',
    'campaigns.achieved': 'Achieved', 'campaigns.starting': 'Starting target', 'campaigns.budget': 'Budget target',
    'campaigns.reachedAt': 'reached {at}', 'campaigns.leaderboard': 'Salesperson leaderboard',
    'campaigns.review': 'Approval trail', 'campaigns.submittedBy': 'submitted by {who}',
    'campaigns.awaiting': 'awaiting {role}', 'campaigns.noReview': 'Not submitted yet',
    'campaigns.awards': 'Awards', 'campaigns.noAwards': 'No award results yet',
    'campaigns.pool': 'pool {pool}, awarded {awarded}', 'campaigns.submit': 'Submit for review',
    'campaigns.approve': 'Approve', 'campaigns.reject': 'Reject', 'campaigns.comment': 'Comment',
    'verdict.APPROVE': 'approved', 'verdict.REJECT': 'rejected',
    'state.DRAFT': 'Draft', 'state.SUBMITTED': 'Submitted', 'state.IN_REVIEW': 'In review', 'state.APPROVED': 'Approved',
    'state.PILOT': 'Pilot', 'state.ACTIVE': 'Active', 'state.CLOSED': 'Closed', 'state.ARCHIVED': 'Archived',
    'state.WITHDRAWN': 'Withdrawn',
    'session.signOut': 'Sign out',
    'session.language': '中文',
    'signin.title': 'Sign in',
    'signin.dev': 'Local development sign-in: pick a role and an org unit',
    'signin.role': 'Role',
    'signin.orgUnit': 'Org unit code',
    'signin.staffId': 'Staff id (optional)',
    'signin.submit': 'Sign in',
    'signin.oidc': 'Sign in with your company account',
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

/** A time the API gives (RFC 3339 with the +08:00 offset) as the page shows it: "2026-12-07 09:30". */
export function when(iso) {
  return iso ? String(iso).replace('T', ' ').slice(0, 16) : '';
}

/**
 * Today in Asia/Shanghai as yyyy-MM-dd: the business day every service counts in, whatever the browser's own zone
 * (en-CA formats a date as ISO does).
 */
export function businessToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/** The day after `day` (YYYY-MM-DD): Asia/Shanghai keeps no daylight saving, so every business day is 24 hours. */
export function dayAfter(day) {
  const next = new Date(day + 'T00:00:00Z');
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
