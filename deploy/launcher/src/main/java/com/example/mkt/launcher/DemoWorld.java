package com.example.mkt.launcher;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's company: a provincial region of 11 city branches, as in the insurance campaign the domain rules come
 * from (two insurance products, a starting and a budget target per branch, the 80,000 CNY award pool). Fixed data,
 * so every run of the demo talks about the same units, people and customers.
 */
final class DemoWorld {

    static final String REGION = "R-JIANGXI";
    static final String REGION_NAME = "江西省区";
    static final String TRAVEL = "INS-TRAVEL";
    static final String EBIKE = "INS-EBIKE";

    /** A branch with its starting target in units of 10,000 CNY; the budget target is a third higher. */
    record Branch(String code, String city, int startingWan) {

        String name() {
            return city + "分公司";
        }

        String team() {
            return "T-" + code.substring(2) + "-1";
        }

        BigDecimal starting() {
            return BigDecimal.valueOf(startingWan * 10_000L).setScale(2);
        }

        BigDecimal budget() {
            return BigDecimal.valueOf(Math.round(startingWan * 4 / 3.0) * 10_000L).setScale(2);
        }

        String manager() {
            return "DEMO-" + code.substring(2) + "-M";
        }

        String supervisor() {
            return "DEMO-" + code.substring(2) + "-SUP";
        }

        /** The people who sell: the team's supervisor and its three staff. */
        List<String> sellers() {
            String base = "DEMO-" + code.substring(2) + "-S";
            return List.of(supervisor(), base + 1, base + 2, base + 3);
        }
    }

    static final List<Branch> BRANCHES = List.of(new Branch("B-NANCHANG", "南昌", 60),
            new Branch("B-JIUJIANG", "九江", 40), new Branch("B-GANZHOU", "赣州", 50), new Branch("B-JIAN", "吉安", 30),
            new Branch("B-YICHUN", "宜春", 30), new Branch("B-FUZHOU", "抚州", 24), new Branch("B-SHANGRAO", "上饶", 36),
            new Branch("B-JINGDEZHEN", "景德镇", 20), new Branch("B-PINGXIANG", "萍乡", 20),
            new Branch("B-XINYU", "新余", 16), new Branch("B-YINGTAN", "鹰潭", 16));

    /** Staff at head office and the region: id, role, unit. */
    static final List<String[]> LEADERS = List.of(new String[] {"DEMO-HQ-GM", "gm", "HQ"},
            new String[] {"DEMO-HQ-MD", "marketing_director", "HQ"}, new String[] {"DEMO-HQ-AN", "analyst", "HQ"},
            new String[] {"DEMO-HQ-OPS", "ops", "HQ"}, new String[] {"DEMO-JX-M", "manager", REGION},
            new String[] {"DEMO-JX-SUP", "supervisor", REGION});

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽";

    private DemoWorld() {
    }

    /** A Chinese name for the n-th person, the same on every run. */
    static String personName(int n) {
        int s = Math.floorMod(n * 7919, SURNAMES.length());
        int g1 = Math.floorMod(n * 104_729 + 13, GIVEN.length());
        int g2 = Math.floorMod(n * 1_299_709 + 7, GIVEN.length());
        String given = n % 3 == 0 ? String.valueOf(GIVEN.charAt(g1)) : "" + GIVEN.charAt(g1) + GIVEN.charAt(g2);
        return SURNAMES.charAt(s) + given;
    }

    /** Customer n belongs to branch n mod 11; its external reference is what sales name it by. */
    static Branch branchOfCustomer(int n) {
        return BRANCHES.get(n % BRANCHES.size());
    }

    static String customerRef(int n) {
        return String.format("DEMO-C%05d", n);
    }

    static List<String[]> staff() {
        List<String[]> all = new ArrayList<>(LEADERS);
        for (Branch b : BRANCHES) {
            all.add(new String[] {b.manager(), "manager", b.code()});
            for (String seller : b.sellers()) {
                all.add(new String[] {seller, seller.equals(b.supervisor()) ? "supervisor" : "staff", b.team()});
            }
        }
        return all;
    }

    static BigDecimal regionBudget() {
        return BRANCHES.stream().map(Branch::budget).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
