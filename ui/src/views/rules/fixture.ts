// The national default profile exactly as the `profile` command returns it (the JSON of
// `kaohe profile`, i.e. `kaohe_engine::Profile::national()`), typed by the generated `Profile`.

import type { Profile } from '../../api/types';

export const nationalProfile: Profile = {
  "assessment": {
    "appeal_days": 15,
    "bands": [
      [
        "Good",
        9000
      ],
      [
        "FairlyGood",
        8000
      ],
      [
        "Average",
        6000
      ],
      [
        "Poor",
        0
      ]
    ],
    "basic_below": 7000,
    "blend": [
      60,
      20,
      20
    ],
    "counted_ungraded": [],
    "dismissal_consecutive": 2,
    "forbidden": [
      "Average",
      "Poor"
    ],
    "good_limit": 40,
    "grade_scores": [
      [
        "Good",
        9500
      ],
      [
        "FairlyGood",
        8500
      ],
      [
        "Average",
        7000
      ],
      [
        "Poor",
        5000
      ]
    ],
    "incompetent_below": 6000,
    "max_ratio": 2500,
    "merge_below": 0,
    "merit_consecutive": 3,
    "min_good_share": 50,
    "no_excellent_cite": {
      "status": "U",
      "text": "受警告处分的当年，参加年度考核，不得确定为优秀等次"
    },
    "no_excellent_sanctions": [
      "警告"
    ],
    "organ_rating": [
      [
        "优秀",
        2500
      ],
      [
        "良好",
        2000
      ],
      [
        "一般",
        1500
      ]
    ],
    "pools_cite": {
      "status": "S",
      "text": "领导成员由主管机关考核（《公务员法》第三十七条），单独确定等次；分层次设池、合并小池为本地做法"
    },
    "quota_cite": {
      "status": "S",
      "text": "优秀等次人数一般掌握在本机关参加年度考核人数的20%以内，考核优秀的机关经批准可放宽至25%（与机关绩效挂钩的比例为本地做法）"
    },
    "ratio": 2000,
    "regular_cite": {
      "status": "S",
      "text": "平时考核结果作为年度考核的重要依据（《公务员法》第三十六条）；等次分数段、优秀条件与“好”等次比例为本地做法"
    },
    "require_records": false,
    "review_days": 30,
    "rounding": "floor",
    "score_cite": {
      "status": "U",
      "text": "考核内容为德、能、勤、绩、廉，重点考核政治素质和工作实绩（《公务员法》第三十五条）；权重与分数线为本地设置"
    },
    "split_by_tier": false,
    "tiers": [
      {
        "levels": [
          1,
          2
        ],
        "name": "厅局级",
        "posts": [
          "厅局级正职",
          "厅局级副职"
        ]
      },
      {
        "levels": [
          3,
          6
        ],
        "name": "处级",
        "posts": [
          "县处级正职",
          "县处级副职"
        ]
      },
      {
        "levels": [
          7,
          12
        ],
        "name": "科级及以下",
        "posts": [
          "乡科级正职",
          "乡科级副职"
        ]
      }
    ],
    "ungraded": [
      {
        "cite": {
          "status": "S",
          "text": "涉嫌违纪违法被立案审查调查尚未结案的，参加年度考核，不写评语、不定等次"
        },
        "code": "UnderInvestigation",
        "rule": "Investigation"
      },
      {
        "cite": {
          "status": "U",
          "text": "受记过以上处分期间参加年度考核只写评语、不定等次（处分种类待核实）"
        },
        "code": "Sanctioned",
        "rule": {
          "Sanction": {
            "kinds": [
              "记过",
              "记大过",
              "降级",
              "撤职"
            ]
          }
        }
      },
      {
        "cite": {
          "status": "S",
          "text": "病假、事假累计超过考核年度半年的，不进行年度考核"
        },
        "code": "LongLeave",
        "rule": {
          "Leave": {
            "days_over": 182
          }
        }
      },
      {
        "cite": {
          "status": "S",
          "text": "《公务员法》第三十四条（试用期为一年）；试用期未满的参加年度考核，只写评语，不定等次"
        },
        "code": "Probation",
        "rule": {
          "Probation": {
            "months": 12
          }
        }
      }
    ],
    "usage_cite": {
      "status": "S",
      "text": "《公务员法》第五十条、第八十条、第八十八条、第九十五条；嘉奖、记三等功与档次、级别晋升年限见通行资料"
    },
    "usage_cites": {
      "admonition": {
        "status": "U",
        "text": "年度考核被确定为基本称职的，对其进行诫勉谈话，限期改进"
      },
      "bonus": {
        "status": "P",
        "text": "《公务员法》第八十条：定期考核被确定为优秀、称职的，按照国家规定享受年终奖金"
      },
      "commendation": {
        "status": "S",
        "text": "年度考核被确定为优秀等次的，当年给予嘉奖（《公务员奖励规定》）"
      },
      "demotion": {
        "status": "P",
        "text": "《公务员法》第五十条：在年度考核中被确定为不称职的，按照规定程序降低一个职务或者职级层次任职"
      },
      "dismissal_review": {
        "status": "P",
        "text": "《公务员法》第八十八条第（一）项：在年度考核中连续两年被确定为不称职的，予以辞退"
      },
      "grade_step": {
        "status": "S",
        "text": "年度考核称职以上的，每两年在所任级别内晋升一个工资档次"
      },
      "level_up": {
        "status": "S",
        "text": "年度考核称职以上的，累计五年在所任职级对应的级别范围内晋升一个级别"
      },
      "merit": {
        "status": "S",
        "text": "连续三年被确定为优秀等次的，记三等功（《公务员奖励规定》）"
      },
      "review_deadline": {
        "status": "P",
        "text": "《公务员法》第九十五条：自知道该人事处理之日起三十日内申请复核，对复核结果不服的自接到复核决定之日起十五日内提出申诉"
      }
    },
    "weights": [
      {
        "category": "专业技术类",
        "cite": {
          "status": "U",
          "text": "分类考核：专业技术类侧重专业能力（权重待核实）"
        },
        "tier": null,
        "weights": {
          "Ability": 25,
          "Achievement": 30,
          "Diligence": 15,
          "Integrity": 10,
          "Virtue": 20
        }
      },
      {
        "category": "行政执法类",
        "cite": {
          "status": "U",
          "text": "分类考核：行政执法类侧重履职尽责（权重待核实）"
        },
        "tier": null,
        "weights": {
          "Ability": 20,
          "Achievement": 30,
          "Diligence": 20,
          "Integrity": 10,
          "Virtue": 20
        }
      },
      {
        "category": null,
        "cite": {
          "status": "U",
          "text": "考核指标根据不同职位类别、不同层级机关分别设置（《公务员法》第三十五条）；权重待核实"
        },
        "tier": null,
        "weights": {
          "Ability": 20,
          "Achievement": 35,
          "Diligence": 15,
          "Integrity": 10,
          "Virtue": 20
        }
      }
    ],
    "years_per_level": 5,
    "years_per_step": 2
  },
  "basic_competent": {
    "cite": {
      "status": "U",
      "text": "年度考核确定为基本称职的，自确定等次之日起一年内不得晋升职级"
    },
    "grade": "BasicallyCompetent",
    "years_after": 1
  },
  "categories": [
    {
      "aliases": [
        "综合管理",
        "综合类",
        "综合"
      ],
      "cite": {
        "status": "P",
        "text": "《公务员法》第十六条"
      },
      "key": "General",
      "name": "综合管理类"
    },
    {
      "aliases": [
        "专业技术",
        "专技类",
        "专技"
      ],
      "cite": {
        "status": "P",
        "text": "《公务员法》第十六条"
      },
      "key": "Professional",
      "name": "专业技术类"
    },
    {
      "aliases": [
        "行政执法",
        "执法类",
        "执法"
      ],
      "cite": {
        "status": "P",
        "text": "《公务员法》第十六条"
      },
      "key": "Enforcement",
      "name": "行政执法类"
    }
  ],
  "ladders": [
    {
      "category": "综合管理类",
      "cite": {
        "status": "P",
        "text": "《公务员法》第十九条"
      },
      "ranks": [
        {
          "aliases": [],
          "grades": [
            8,
            13
          ],
          "level": 1,
          "name": "一级巡视员"
        },
        {
          "aliases": [],
          "grades": [
            10,
            15
          ],
          "level": 2,
          "name": "二级巡视员"
        },
        {
          "aliases": [],
          "grades": [
            11,
            17
          ],
          "level": 3,
          "name": "一级调研员"
        },
        {
          "aliases": [],
          "grades": [
            12,
            18
          ],
          "level": 4,
          "name": "二级调研员"
        },
        {
          "aliases": [],
          "grades": [
            13,
            19
          ],
          "level": 5,
          "name": "三级调研员"
        },
        {
          "aliases": [],
          "grades": [
            14,
            20
          ],
          "level": 6,
          "name": "四级调研员"
        },
        {
          "aliases": [],
          "grades": [
            15,
            21
          ],
          "level": 7,
          "name": "一级主任科员"
        },
        {
          "aliases": [],
          "grades": [
            16,
            22
          ],
          "level": 8,
          "name": "二级主任科员"
        },
        {
          "aliases": [],
          "grades": [
            17,
            23
          ],
          "level": 9,
          "name": "三级主任科员"
        },
        {
          "aliases": [],
          "grades": [
            18,
            24
          ],
          "level": 10,
          "name": "四级主任科员"
        },
        {
          "aliases": [
            "科员（一级）",
            "科员(一级)"
          ],
          "grades": [
            18,
            26
          ],
          "level": 11,
          "name": "一级科员"
        },
        {
          "aliases": [
            "科员（二级）",
            "科员(二级)"
          ],
          "grades": [
            19,
            27
          ],
          "level": 12,
          "name": "二级科员"
        }
      ]
    },
    {
      "category": "专业技术类",
      "cite": {
        "status": "S",
        "text": "《专业技术类公务员管理规定》(2016)；级别对应关系见通行资料"
      },
      "ranks": [
        {
          "aliases": [],
          "grades": [
            8,
            13
          ],
          "level": 1,
          "name": "一级总监"
        },
        {
          "aliases": [],
          "grades": [
            10,
            15
          ],
          "level": 2,
          "name": "二级总监"
        },
        {
          "aliases": [],
          "grades": [
            11,
            17
          ],
          "level": 3,
          "name": "一级高级主管"
        },
        {
          "aliases": [],
          "grades": [
            12,
            18
          ],
          "level": 4,
          "name": "二级高级主管"
        },
        {
          "aliases": [],
          "grades": [
            13,
            19
          ],
          "level": 5,
          "name": "三级高级主管"
        },
        {
          "aliases": [],
          "grades": [
            14,
            20
          ],
          "level": 6,
          "name": "四级高级主管"
        },
        {
          "aliases": [],
          "grades": [
            15,
            21
          ],
          "level": 7,
          "name": "一级主管"
        },
        {
          "aliases": [],
          "grades": [
            16,
            22
          ],
          "level": 8,
          "name": "二级主管"
        },
        {
          "aliases": [],
          "grades": [
            17,
            23
          ],
          "level": 9,
          "name": "三级主管"
        },
        {
          "aliases": [],
          "grades": [
            18,
            24
          ],
          "level": 10,
          "name": "四级主管"
        },
        {
          "aliases": [],
          "grades": [
            18,
            26
          ],
          "level": 11,
          "name": "专业技术员"
        }
      ]
    },
    {
      "category": "行政执法类",
      "cite": {
        "status": "U",
        "text": "《行政执法类公务员管理规定》(2016，2023修订)；督办是否分一级、二级待核实"
      },
      "ranks": [
        {
          "aliases": [],
          "grades": [
            10,
            15
          ],
          "level": 2,
          "name": "督办"
        },
        {
          "aliases": [],
          "grades": [
            11,
            17
          ],
          "level": 3,
          "name": "一级高级主办"
        },
        {
          "aliases": [],
          "grades": [
            12,
            18
          ],
          "level": 4,
          "name": "二级高级主办"
        },
        {
          "aliases": [],
          "grades": [
            13,
            19
          ],
          "level": 5,
          "name": "三级高级主办"
        },
        {
          "aliases": [],
          "grades": [
            14,
            20
          ],
          "level": 6,
          "name": "四级高级主办"
        },
        {
          "aliases": [],
          "grades": [
            15,
            21
          ],
          "level": 7,
          "name": "一级主办"
        },
        {
          "aliases": [],
          "grades": [
            16,
            22
          ],
          "level": 8,
          "name": "二级主办"
        },
        {
          "aliases": [],
          "grades": [
            17,
            23
          ],
          "level": 9,
          "name": "三级主办"
        },
        {
          "aliases": [],
          "grades": [
            18,
            24
          ],
          "level": 10,
          "name": "四级主办"
        },
        {
          "aliases": [],
          "grades": [
            18,
            26
          ],
          "level": 11,
          "name": "一级行政执法员"
        },
        {
          "aliases": [],
          "grades": [
            19,
            27
          ],
          "level": 12,
          "name": "二级行政执法员"
        }
      ]
    }
  ],
  "leading_posts": [
    {
      "aliases": [],
      "cite": {
        "status": "P",
        "text": "《公务员法》第十八条"
      },
      "grades": null,
      "name": "国家级正职"
    },
    {
      "aliases": [],
      "cite": {
        "status": "P",
        "text": "《公务员法》第十八条"
      },
      "grades": null,
      "name": "国家级副职"
    },
    {
      "aliases": [
        "正部级",
        "省部级正"
      ],
      "cite": {
        "status": "P",
        "text": "《公务员法》第十八条"
      },
      "grades": null,
      "name": "省部级正职"
    },
    {
      "aliases": [
        "副部级",
        "省部级副"
      ],
      "cite": {
        "status": "P",
        "text": "《公务员法》第十八条"
      },
      "grades": null,
      "name": "省部级副职"
    },
    {
      "aliases": [
        "正厅级",
        "正局级",
        "厅局级正"
      ],
      "cite": {
        "status": "S",
        "text": "《公务员法》第十八条；级别范围见通行资料"
      },
      "grades": [
        8,
        13
      ],
      "name": "厅局级正职"
    },
    {
      "aliases": [
        "副厅级",
        "副局级",
        "厅局级副"
      ],
      "cite": {
        "status": "S",
        "text": "《公务员法》第十八条；级别范围见通行资料"
      },
      "grades": [
        10,
        15
      ],
      "name": "厅局级副职"
    },
    {
      "aliases": [
        "正处级",
        "正县级",
        "县处级正"
      ],
      "cite": {
        "status": "S",
        "text": "《公务员法》第十八条；级别范围见通行资料"
      },
      "grades": [
        12,
        18
      ],
      "name": "县处级正职"
    },
    {
      "aliases": [
        "副处级",
        "副县级",
        "县处级副"
      ],
      "cite": {
        "status": "S",
        "text": "《公务员法》第十八条；级别范围见通行资料"
      },
      "grades": [
        14,
        20
      ],
      "name": "县处级副职"
    },
    {
      "aliases": [
        "正科级",
        "乡科级正"
      ],
      "cite": {
        "status": "S",
        "text": "《公务员法》第十八条；级别范围见通行资料"
      },
      "grades": [
        16,
        22
      ],
      "name": "乡科级正职"
    },
    {
      "aliases": [
        "副科级",
        "乡科级副"
      ],
      "cite": {
        "status": "S",
        "text": "《公务员法》第十八条；级别范围见通行资料"
      },
      "grades": [
        17,
        24
      ],
      "name": "乡科级副职"
    }
  ],
  "meta": {
    "effective_from": "2019-06-01",
    "id": "national",
    "name": "全国默认规则",
    "note": "依据《公务员法》(2018修订)、《公职人员政务处分法》(2020)与《公务员职务与职级并行规定》(2019)整理",
    "version": "2019.06-1"
  },
  "min_service": [
    {
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》(2019) 职级晋升资格条件"
      },
      "posts": [
        "厅局级副职"
      ],
      "target": "一级巡视员",
      "years": 4
    },
    {
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》(2019) 职级晋升资格条件"
      },
      "posts": [],
      "target": "二级巡视员",
      "years": 4
    },
    {
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》(2019) 职级晋升资格条件"
      },
      "posts": [
        "县处级正职"
      ],
      "target": "一级调研员",
      "years": 3
    },
    {
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》(2019) 职级晋升资格条件"
      },
      "posts": [],
      "target": "二级调研员",
      "years": 2
    },
    {
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》(2019) 职级晋升资格条件"
      },
      "posts": [
        "县处级副职"
      ],
      "target": "三级调研员",
      "years": 2
    },
    {
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》(2019) 职级晋升资格条件"
      },
      "posts": [],
      "target": "四级调研员",
      "years": 2
    },
    {
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》(2019) 职级晋升资格条件"
      },
      "posts": [
        "乡科级正职"
      ],
      "target": "一级主任科员",
      "years": 2
    },
    {
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》(2019) 职级晋升资格条件"
      },
      "posts": [],
      "target": "二级主任科员",
      "years": 2
    },
    {
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》(2019) 职级晋升资格条件"
      },
      "posts": [
        "乡科级副职"
      ],
      "target": "三级主任科员",
      "years": 2
    },
    {
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》(2019) 职级晋升资格条件"
      },
      "posts": [],
      "target": "四级主任科员",
      "years": 2
    },
    {
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》(2019) 职级晋升资格条件"
      },
      "posts": [],
      "target": "一级科员",
      "years": 2
    },
    {
      "cite": {
        "status": "U",
        "text": "比照综合管理类（专业技术类规定待核实）"
      },
      "posts": [
        "厅局级副职"
      ],
      "target": "一级总监",
      "years": 4
    },
    {
      "cite": {
        "status": "U",
        "text": "比照综合管理类（专业技术类规定待核实）"
      },
      "posts": [],
      "target": "二级总监",
      "years": 4
    },
    {
      "cite": {
        "status": "U",
        "text": "比照综合管理类（专业技术类规定待核实）"
      },
      "posts": [
        "县处级正职"
      ],
      "target": "一级高级主管",
      "years": 3
    },
    {
      "cite": {
        "status": "U",
        "text": "比照综合管理类（专业技术类规定待核实）"
      },
      "posts": [],
      "target": "二级高级主管",
      "years": 2
    },
    {
      "cite": {
        "status": "U",
        "text": "比照综合管理类（专业技术类规定待核实）"
      },
      "posts": [
        "县处级副职"
      ],
      "target": "三级高级主管",
      "years": 2
    },
    {
      "cite": {
        "status": "U",
        "text": "比照综合管理类（专业技术类规定待核实）"
      },
      "posts": [],
      "target": "四级高级主管",
      "years": 2
    },
    {
      "cite": {
        "status": "U",
        "text": "比照综合管理类（专业技术类规定待核实）"
      },
      "posts": [
        "乡科级正职"
      ],
      "target": "一级主管",
      "years": 2
    },
    {
      "cite": {
        "status": "U",
        "text": "比照综合管理类（专业技术类规定待核实）"
      },
      "posts": [],
      "target": "二级主管",
      "years": 2
    },
    {
      "cite": {
        "status": "U",
        "text": "比照综合管理类（专业技术类规定待核实）"
      },
      "posts": [
        "乡科级副职"
      ],
      "target": "三级主管",
      "years": 2
    },
    {
      "cite": {
        "status": "U",
        "text": "比照综合管理类（专业技术类规定待核实）"
      },
      "posts": [],
      "target": "四级主管",
      "years": 2
    },
    {
      "cite": {
        "status": "U",
        "text": "比照综合管理类（行政执法类规定待核实）"
      },
      "posts": [],
      "target": "督办",
      "years": 4
    },
    {
      "cite": {
        "status": "U",
        "text": "比照综合管理类（行政执法类规定待核实）"
      },
      "posts": [
        "县处级正职"
      ],
      "target": "一级高级主办",
      "years": 3
    },
    {
      "cite": {
        "status": "U",
        "text": "比照综合管理类（行政执法类规定待核实）"
      },
      "posts": [],
      "target": "二级高级主办",
      "years": 2
    },
    {
      "cite": {
        "status": "U",
        "text": "比照综合管理类（行政执法类规定待核实）"
      },
      "posts": [
        "县处级副职"
      ],
      "target": "三级高级主办",
      "years": 2
    },
    {
      "cite": {
        "status": "U",
        "text": "比照综合管理类（行政执法类规定待核实）"
      },
      "posts": [],
      "target": "四级高级主办",
      "years": 2
    },
    {
      "cite": {
        "status": "U",
        "text": "比照综合管理类（行政执法类规定待核实）"
      },
      "posts": [
        "乡科级正职"
      ],
      "target": "一级主办",
      "years": 2
    },
    {
      "cite": {
        "status": "U",
        "text": "比照综合管理类（行政执法类规定待核实）"
      },
      "posts": [],
      "target": "二级主办",
      "years": 2
    },
    {
      "cite": {
        "status": "U",
        "text": "比照综合管理类（行政执法类规定待核实）"
      },
      "posts": [
        "乡科级副职"
      ],
      "target": "三级主办",
      "years": 2
    },
    {
      "cite": {
        "status": "U",
        "text": "比照综合管理类（行政执法类规定待核实）"
      },
      "posts": [],
      "target": "四级主办",
      "years": 2
    },
    {
      "cite": {
        "status": "U",
        "text": "比照综合管理类（行政执法类规定待核实）"
      },
      "posts": [],
      "target": "一级行政执法员",
      "years": 2
    }
  ],
  "ordering": {
    "cite": {
      "status": "U",
      "text": "排序规则为本地设置（待核实）"
    },
    "keys": [
      "counted_months",
      "excellent_years",
      "service_start",
      "id"
    ]
  },
  "organ_levels": [
    {
      "aliases": [
        "中央机关",
        "中央级"
      ],
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》(2019) 职级设置"
      },
      "max_rank": "一级巡视员",
      "name": "中央"
    },
    {
      "aliases": [
        "省级",
        "省直",
        "省级机关"
      ],
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》(2019) 职级设置"
      },
      "max_rank": "一级巡视员",
      "name": "省"
    },
    {
      "aliases": [
        "副省级"
      ],
      "cite": {
        "status": "U",
        "text": "《公务员职务与职级并行规定》(2019) 职级设置（副省级市按市(地)级设置，待核实）"
      },
      "max_rank": "二级巡视员",
      "name": "副省级市"
    },
    {
      "aliases": [
        "市",
        "市级",
        "地级",
        "市（地）",
        "地市级",
        "市直"
      ],
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》(2019) 职级设置"
      },
      "max_rank": "二级巡视员",
      "name": "市(地)"
    },
    {
      "aliases": [
        "县级",
        "县(市、区)",
        "县（市、区）",
        "县直",
        "区"
      ],
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》(2019) 职级设置"
      },
      "max_rank": "二级调研员",
      "name": "县"
    },
    {
      "aliases": [
        "乡",
        "镇",
        "乡镇级",
        "街道"
      ],
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》(2019) 职级设置"
      },
      "max_rank": "二级调研员",
      "name": "乡镇"
    }
  ],
  "pools": [
    {
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》(2019) 职级职数按规定的比例核定"
      },
      "name": "一级和二级调研员",
      "ranks": [
        "一级调研员",
        "二级调研员"
      ]
    },
    {
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》(2019) 职级职数按规定的比例核定"
      },
      "name": "三级和四级调研员",
      "ranks": [
        "三级调研员",
        "四级调研员"
      ]
    },
    {
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》(2019) 职级职数按规定的比例核定"
      },
      "name": "一级和二级主任科员",
      "ranks": [
        "一级主任科员",
        "二级主任科员"
      ]
    },
    {
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》(2019) 职级职数按规定的比例核定"
      },
      "name": "三级和四级主任科员",
      "ranks": [
        "三级主任科员",
        "四级主任科员"
      ]
    },
    {
      "cite": {
        "status": "U",
        "text": "比照综合管理类（待核实）"
      },
      "name": "一级和二级高级主管",
      "ranks": [
        "一级高级主管",
        "二级高级主管"
      ]
    },
    {
      "cite": {
        "status": "U",
        "text": "比照综合管理类（待核实）"
      },
      "name": "三级和四级高级主管",
      "ranks": [
        "三级高级主管",
        "四级高级主管"
      ]
    },
    {
      "cite": {
        "status": "U",
        "text": "比照综合管理类（待核实）"
      },
      "name": "一级和二级主管",
      "ranks": [
        "一级主管",
        "二级主管"
      ]
    },
    {
      "cite": {
        "status": "U",
        "text": "比照综合管理类（待核实）"
      },
      "name": "三级和四级主管",
      "ranks": [
        "三级主管",
        "四级主管"
      ]
    },
    {
      "cite": {
        "status": "U",
        "text": "比照综合管理类（待核实）"
      },
      "name": "一级和二级高级主办",
      "ranks": [
        "一级高级主办",
        "二级高级主办"
      ]
    },
    {
      "cite": {
        "status": "U",
        "text": "比照综合管理类（待核实）"
      },
      "name": "三级和四级高级主办",
      "ranks": [
        "三级高级主办",
        "四级高级主办"
      ]
    },
    {
      "cite": {
        "status": "U",
        "text": "比照综合管理类（待核实）"
      },
      "name": "一级和二级主办",
      "ranks": [
        "一级主办",
        "二级主办"
      ]
    },
    {
      "cite": {
        "status": "U",
        "text": "比照综合管理类（待核实）"
      },
      "name": "三级和四级主办",
      "ranks": [
        "三级主办",
        "四级主办"
      ]
    }
  ],
  "publicity": {
    "excellent_cite": {
      "status": "S",
      "text": "确定为优秀等次的人选应在本机关范围内公示，公示期一般不少于5个工作日"
    },
    "excellent_working_days": 5,
    "promotion_cite": {
      "status": "S",
      "text": "《公务员职务与职级并行规定》(2019)：晋升职级人选应当在一定范围内公示，公示期不少于5个工作日"
    },
    "promotion_working_days": 5
  },
  "restrictions": [
    {
      "aliases": [],
      "block": "sanction",
      "cite": {
        "status": "P",
        "text": "《公务员法》第六十四条；《公职人员政务处分法》第八条"
      },
      "kind": "警告",
      "months": 6
    },
    {
      "aliases": [],
      "block": "sanction",
      "cite": {
        "status": "P",
        "text": "《公务员法》第六十四条；《公职人员政务处分法》第八条"
      },
      "kind": "记过",
      "months": 12
    },
    {
      "aliases": [],
      "block": "sanction",
      "cite": {
        "status": "P",
        "text": "《公务员法》第六十四条；《公职人员政务处分法》第八条"
      },
      "kind": "记大过",
      "months": 18
    },
    {
      "aliases": [],
      "block": "sanction",
      "cite": {
        "status": "P",
        "text": "《公务员法》第六十四条；《公职人员政务处分法》第八条"
      },
      "kind": "降级",
      "months": 24
    },
    {
      "aliases": [],
      "block": "sanction",
      "cite": {
        "status": "P",
        "text": "《公务员法》第六十四条；《公职人员政务处分法》第八条"
      },
      "kind": "撤职",
      "months": 24
    },
    {
      "aliases": [],
      "block": "admonition",
      "cite": {
        "status": "U",
        "text": "受诫勉影响期内不得晋升职级（影响期待核实）"
      },
      "kind": "诫勉",
      "months": 6
    },
    {
      "aliases": [],
      "block": "admonition",
      "cite": {
        "status": "U",
        "text": "受组织处理影响期内不得晋升职级（影响期待核实）"
      },
      "kind": "组织处理",
      "months": 12
    },
    {
      "aliases": [],
      "block": "investigation",
      "cite": {
        "status": "S",
        "text": "涉嫌违纪违法正在接受审查调查、尚未作出结论的，不得晋升职级"
      },
      "kind": "立案调查",
      "months": null
    }
  ],
  "service": {
    "cite": {
      "status": "U",
      "text": "年度考核基本称职、不称职的年度不计算为晋升职级的任职年限"
    },
    "uncounted_grades": [
      "BasicallyCompetent",
      "Incompetent"
    ]
  },
  "starting_ranks": [
    {
      "aliases": [
        "高中",
        "中专",
        "中专及以下",
        "高中及以下"
      ],
      "cite": {
        "status": "U",
        "text": "新录用公务员试用期满定级（按学历），见通行资料"
      },
      "education": "高中、中专",
      "grade": 27,
      "rank": "二级科员"
    },
    {
      "aliases": [
        "大专",
        "专科"
      ],
      "cite": {
        "status": "U",
        "text": "新录用公务员试用期满定级（按学历），见通行资料"
      },
      "education": "大学专科",
      "grade": 26,
      "rank": "一级科员"
    },
    {
      "aliases": [
        "本科",
        "大学"
      ],
      "cite": {
        "status": "S",
        "text": "新录用公务员试用期满定级（按学历），见通行资料"
      },
      "education": "大学本科",
      "grade": 25,
      "rank": "一级科员"
    },
    {
      "aliases": [
        "硕士",
        "研究生"
      ],
      "cite": {
        "status": "S",
        "text": "新录用公务员试用期满定级（按学历），见通行资料"
      },
      "education": "硕士研究生",
      "grade": 24,
      "rank": "四级主任科员"
    },
    {
      "aliases": [
        "博士"
      ],
      "cite": {
        "status": "S",
        "text": "新录用公务员试用期满定级（按学历），见通行资料"
      },
      "education": "博士研究生",
      "grade": 22,
      "rank": "二级主任科员"
    }
  ]
};
