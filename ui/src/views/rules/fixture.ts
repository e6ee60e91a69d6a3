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
      "status": "S",
      "text": "《公务员考核规定》(2020) 第二十一条：年度考核被确定为基本称职等次的，下一年内不得晋升职务职级"
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
  "incompetent": {
    "cite": {
      "status": "P",
      "text": "《公务员法》第五十条：在年度考核中被确定为不称职的，按照规定程序降低一个职务或者职级层次任职；《公务员职务与职级并行规定》第二十二条（二）"
    },
    "grade": "Incompetent"
  },
  "ladders": [
    {
      "category": "综合管理类",
      "cite": {
        "status": "P",
        "text": "《公务员法》第十九条（职级序列）；《公务员职务与职级并行规定》第八条（职级对应的级别）"
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
  "level_on_promotion": {
    "cite": {
      "status": "S",
      "text": "《公务员职务、职级与级别管理办法》(2020) 第十三条：晋升职级时，级别低于新任职级对应最低级别的，晋升到最低级别；已在范围内的晋升一个级别，但晋升一级调研员、三级调研员、一级主任科员、三级主任科员（及其他职位类别同层级职级）时级别已在范围内的不再晋升"
    },
    "keep_in_range": [
      3,
      5,
      7,
      9
    ],
    "steps": 1
  },
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
  "old_titles": {
    "cite": {
      "status": "S",
      "text": "公务员职务与职级并行制度实施时的职级套转：原巡视员、副巡视员、调研员、副调研员、主任科员、副主任科员、科员、办事员分别套转为一级巡视员、二级巡视员、二级调研员、四级调研员、二级主任科员、四级主任科员、一级科员、二级科员（2019年套转办法，各地具体套转结果以任职文件为准）"
    },
    "map": [
      [
        "巡视员",
        "一级巡视员"
      ],
      [
        "副巡视员",
        "二级巡视员"
      ],
      [
        "调研员",
        "二级调研员"
      ],
      [
        "副调研员",
        "四级调研员"
      ],
      [
        "主任科员",
        "二级主任科员"
      ],
      [
        "副主任科员",
        "四级主任科员"
      ],
      [
        "科员",
        "一级科员"
      ],
      [
        "办事员",
        "二级科员"
      ]
    ]
  },
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
        "text": "《公务员职务与职级并行规定》第十条（一）：中央机关，省、自治区、直辖市机关设置一级巡视员以下职级"
      },
      "import_warning": null,
      "max_rank": "一级巡视员",
      "name": "中央"
    },
    {
      "aliases": [
        "省级",
        "省直",
        "省级机关",
        "自治区",
        "直辖市"
      ],
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》第十条（一）：中央机关，省、自治区、直辖市机关设置一级巡视员以下职级"
      },
      "import_warning": null,
      "max_rank": "一级巡视员",
      "name": "省"
    },
    {
      "aliases": [
        "副省级",
        "副省级城市",
        "副省级城市机关"
      ],
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》第十条（二）：副省级城市机关设置一级巡视员以下职级"
      },
      "import_warning": null,
      "max_rank": "一级巡视员",
      "name": "副省级市"
    },
    {
      "aliases": [
        "市",
        "市级",
        "地级",
        "市（地）",
        "地市级",
        "市直",
        "地级市",
        "州",
        "盟"
      ],
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》第十条（三）：市(地、州、盟)、直辖市的区机关设置二级巡视员以下职级"
      },
      "import_warning": null,
      "max_rank": "二级巡视员",
      "name": "市(地)"
    },
    {
      "aliases": [
        "直辖市区",
        "直辖市辖区"
      ],
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》第十条（三）：市(地、州、盟)、直辖市的区机关设置二级巡视员以下职级"
      },
      "import_warning": null,
      "max_rank": "二级巡视员",
      "name": "直辖市的区"
    },
    {
      "aliases": [
        "副省级城市区",
        "副省级市的区",
        "副省级市辖区"
      ],
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》第十条（三）：副省级城市的区机关设置一级调研员以下职级"
      },
      "import_warning": null,
      "max_rank": "一级调研员",
      "name": "副省级城市的区"
    },
    {
      "aliases": [
        "县级",
        "县(市、区)",
        "县（市、区）",
        "县直",
        "县级市",
        "市辖区",
        "旗",
        "县(市、区、旗)",
        "县（市、区、旗）"
      ],
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》第十条（四）：县(市、区、旗)、乡镇机关设置二级调研员以下职级"
      },
      "import_warning": null,
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
        "text": "《公务员职务与职级并行规定》第十条（四）：县(市、区、旗)、乡镇机关设置二级调研员以下职级"
      },
      "import_warning": null,
      "max_rank": "二级调研员",
      "name": "乡镇"
    },
    {
      "aliases": [
        "区级",
        "区直"
      ],
      "cite": {
        "status": "U",
        "text": "《公务员职务与职级并行规定》第十条（三）（四）：机关层级只写「区」，按普通市辖区掌握"
      },
      "import_warning": "未写明是直辖市的区、副省级城市的区还是普通市辖区，三者可设置的最高职级不同；暂按普通市辖区（二级调研员以下）掌握，请改写为「直辖市的区」「副省级城市的区」或「县」",
      "max_rank": "二级调研员",
      "name": "区"
    }
  ],
  "pools": [
    {
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》第二十条：一级、二级巡视员职级职数由上级机关核定，使用情况按年度报公务员主管部门备案"
      },
      "name": "一级和二级巡视员",
      "ranks": [
        "一级巡视员",
        "二级巡视员"
      ]
    },
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
      "aliases": [
        "政务警告",
        "行政警告"
      ],
      "block": "sanction",
      "cite": {
        "status": "P",
        "text": "《公务员法》第六十四条；《公职人员政务处分法》第八条、第十九条"
      },
      "import_warning": null,
      "kind": "警告",
      "months": 6,
      "period": "处分期"
    },
    {
      "aliases": [
        "政务记过",
        "行政记过"
      ],
      "block": "sanction",
      "cite": {
        "status": "P",
        "text": "《公务员法》第六十四条；《公职人员政务处分法》第八条、第十九条"
      },
      "import_warning": null,
      "kind": "记过",
      "months": 12,
      "period": "处分期"
    },
    {
      "aliases": [
        "政务记大过",
        "行政记大过"
      ],
      "block": "sanction",
      "cite": {
        "status": "P",
        "text": "《公务员法》第六十四条；《公职人员政务处分法》第八条、第十九条"
      },
      "import_warning": null,
      "kind": "记大过",
      "months": 18,
      "period": "处分期"
    },
    {
      "aliases": [
        "政务降级",
        "行政降级"
      ],
      "block": "sanction",
      "cite": {
        "status": "P",
        "text": "《公务员法》第六十四条；《公职人员政务处分法》第八条、第十九条"
      },
      "import_warning": null,
      "kind": "降级",
      "months": 24,
      "period": "处分期"
    },
    {
      "aliases": [
        "政务撤职",
        "行政撤职"
      ],
      "block": "sanction",
      "cite": {
        "status": "P",
        "text": "《公务员法》第六十四条；《公职人员政务处分法》第八条、第十九条"
      },
      "import_warning": null,
      "kind": "撤职",
      "months": 24,
      "period": "处分期"
    },
    {
      "aliases": [
        "党纪警告",
        "党内警告处分"
      ],
      "block": "party_discipline",
      "cite": {
        "status": "S",
        "text": "《中国共产党纪律处分条例》(2023) 第十条：受到警告处分一年内不得在党内提拔职务或者进一步使用"
      },
      "import_warning": null,
      "kind": "党内警告",
      "months": 12,
      "period": "影响期"
    },
    {
      "aliases": [
        "党内严重警告",
        "党纪严重警告",
        "严重警告处分",
        "党内严重警告处分"
      ],
      "block": "party_discipline",
      "cite": {
        "status": "S",
        "text": "《中国共产党纪律处分条例》(2023) 第十条：受到严重警告处分一年半内不得在党内提拔职务或者进一步使用"
      },
      "import_warning": null,
      "kind": "严重警告",
      "months": 18,
      "period": "影响期"
    },
    {
      "aliases": [
        "撤销党内职务处分"
      ],
      "block": "party_discipline",
      "cite": {
        "status": "S",
        "text": "《中国共产党纪律处分条例》(2023) 第十一条：受到撤销党内职务处分的，二年内不得担任与其原任职务相当或者高于其原任职务的职务"
      },
      "import_warning": null,
      "kind": "撤销党内职务",
      "months": 24,
      "period": "影响期"
    },
    {
      "aliases": [
        "留党察看1年",
        "留党察看（一年）",
        "留党察看(一年)"
      ],
      "block": "party_discipline",
      "cite": {
        "status": "U",
        "text": "《中国共产党纪律处分条例》(2023) 第十二条：留党察看期间及恢复党员权利后二年内不得担任与其原任职务相当或者高于其原任职务的职务（察看一年另加二年，共36个月）"
      },
      "import_warning": null,
      "kind": "留党察看一年",
      "months": 36,
      "period": "影响期"
    },
    {
      "aliases": [
        "留党察看2年",
        "留党察看两年",
        "留党察看（二年）",
        "留党察看(二年)"
      ],
      "block": "party_discipline",
      "cite": {
        "status": "U",
        "text": "《中国共产党纪律处分条例》(2023) 第十二条：留党察看期间及恢复党员权利后二年内不得担任与其原任职务相当或者高于其原任职务的职务（察看二年另加二年，共48个月）"
      },
      "import_warning": null,
      "kind": "留党察看二年",
      "months": 48,
      "period": "影响期"
    },
    {
      "aliases": [
        "留党察看处分"
      ],
      "block": "party_discipline",
      "cite": {
        "status": "U",
        "text": "《中国共产党纪律处分条例》(2023) 第十二条；未写明察看期限的按二年计"
      },
      "import_warning": "未写明留党察看的期限（一年或二年），暂按二年（影响期48个月）掌握；请改写为「留党察看一年」或「留党察看二年」",
      "kind": "留党察看",
      "months": 48,
      "period": "影响期"
    },
    {
      "aliases": [
        "开除党籍处分"
      ],
      "block": "party_discipline",
      "cite": {
        "status": "S",
        "text": "《中国共产党纪律处分条例》(2023) 第八条、第十三条：受到开除党籍处分的，不得晋升职级，一般应同时予以辞退或开除（有结束日期的按结束日期）"
      },
      "import_warning": null,
      "kind": "开除党籍",
      "months": null,
      "period": "影响期"
    },
    {
      "aliases": [
        "诫勉谈话",
        "书面诫勉",
        "谈话诫勉"
      ],
      "block": "admonition",
      "cite": {
        "status": "U",
        "text": "《公务员职务与职级并行规定》第二十一条（二）；受到诫勉的，六个月内不得晋升职级（影响期见《关于对党员领导干部进行诫勉的规定》）"
      },
      "import_warning": null,
      "kind": "诫勉",
      "months": 6,
      "period": "影响期"
    },
    {
      "aliases": [
        "调整职务处理"
      ],
      "block": "admonition",
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》第二十一条（二）；《组织处理规定（试行）》(2021)：受到调整职务处理的，一年内不得提拔"
      },
      "import_warning": null,
      "kind": "调整职务",
      "months": 12,
      "period": "影响期"
    },
    {
      "aliases": [
        "责令辞职处理"
      ],
      "block": "admonition",
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》第二十一条（二）；《组织处理规定（试行）》(2021)：责令辞职的，一年内不安排领导职务，二年内不得担任高于原任职务层级的职务"
      },
      "import_warning": null,
      "kind": "责令辞职",
      "months": 24,
      "period": "影响期"
    },
    {
      "aliases": [
        "免职处理",
        "免去职务"
      ],
      "block": "admonition",
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》第二十一条（二）；《组织处理规定（试行）》(2021)：免职的，一年内不安排领导职务，二年内不得担任高于原任职务层级的职务"
      },
      "import_warning": null,
      "kind": "免职",
      "months": 24,
      "period": "影响期"
    },
    {
      "aliases": [
        "降职处理"
      ],
      "block": "admonition",
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》第二十一条（二）；《组织处理规定（试行）》(2021)：受到降职处理的，二年内不得提拔"
      },
      "import_warning": null,
      "kind": "降职",
      "months": 24,
      "period": "影响期"
    },
    {
      "aliases": [],
      "block": "admonition",
      "cite": {
        "status": "U",
        "text": "《公务员职务与职级并行规定》第二十一条（二）；未写明种类的组织处理按12个月计"
      },
      "import_warning": "未写明组织处理的种类（调整职务、责令辞职、免职、降职），暂按影响期12个月掌握；请写明种类",
      "kind": "组织处理",
      "months": 12,
      "period": "影响期"
    },
    {
      "aliases": [
        "立案审查调查",
        "立案审查",
        "立案调查中"
      ],
      "block": "investigation",
      "cite": {
        "status": "S",
        "text": "《公务员职务与职级并行规定》第二十一条（三）：涉嫌违纪违法正在接受审查调查尚未作出结论的，不得晋升职级"
      },
      "import_warning": null,
      "kind": "立案调查",
      "months": null,
      "period": "影响期"
    }
  ],
  "service": {
    "cite": {
      "status": "S",
      "text": "《公务员职务与职级并行规定》第十九条：每有1个年度考核结果为基本称职等次或者不定等次的，该年度不计算为晋升职级的任职年限；不称职年度亦不计算（《公务员考核规定》(2020) 第二十二条）"
    },
    "excellent_cite": {
      "status": "S",
      "text": "《公务员职务与职级并行规定》第十九条：晋升职级所要求任职年限的年度考核结果均应为称职以上等次，其间每有1个年度考核结果为优秀等次的，任职年限缩短半年"
    },
    "excellent_from": "next_year",
    "excellent_months": 6,
    "excellent_timing_cite": {
      "status": "U",
      "text": "任职当年只任部分时间的优秀年度是否计入、缩短自何时起算，为本地掌握"
    },
    "excellent_years": "year_end",
    "uncounted": [
      {
        "Graded": "BasicallyCompetent"
      },
      {
        "Graded": "Incompetent"
      },
      "Probation",
      "UnderInvestigation",
      "Sanctioned",
      "LongLeave"
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
  ],
  "sub_limits": [
    {
      "cite": {
        "status": "U",
        "text": "市(地)机关一级调研员职数不超过一级和二级调研员职数的50%（各地职数比例规定）"
      },
      "organ_levels": [
        "市(地)"
      ],
      "percent": 50,
      "pool": "一级和二级调研员",
      "rank": "一级调研员"
    },
    {
      "cite": {
        "status": "U",
        "text": "县乡机关三级调研员职数不超过三级和四级调研员职数的40%（各地职数比例规定）"
      },
      "organ_levels": [
        "县",
        "乡镇"
      ],
      "percent": 40,
      "pool": "三级和四级调研员",
      "rank": "三级调研员"
    }
  ]
};
