// The national default profile as the `profile` command returns it (trimmed to the typed parts),
// taken from `kaohe_engine::Profile::national()`.

import type { Profile } from '../../api/types';

export const nationalProfile: Profile = {
  "meta": {
    "effective_from": "2019-06-01",
    "id": "national",
    "name": "全国默认规则",
    "note": "依据《公务员法》(2018修订)、《公职人员政务处分法》(2020)与《公务员职务与职级并行规定》(2019)整理",
    "version": "2019.06-1"
  },
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
  "assessment": {
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
    "no_excellent_sanctions": [
      "警告"
    ],
    "no_excellent_cite": {
      "status": "U",
      "text": "受警告处分的当年，参加年度考核，不得确定为优秀等次"
    },
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
    "pools_cite": {
      "status": "S",
      "text": "领导成员由主管机关考核（《公务员法》第三十七条），单独确定等次；分层次设池、合并小池为本地做法"
    },
    "ratio": 2000,
    "max_ratio": 2500,
    "rounding": "floor",
    "quota_cite": {
      "status": "S",
      "text": "优秀等次人数一般掌握在本机关参加年度考核人数的20%以内，考核优秀的机关经批准可放宽至25%（与机关绩效挂钩的比例为本地做法）"
    },
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
    "min_good_share": 50,
    "forbidden": [
      "Average",
      "Poor"
    ],
    "good_limit": 40,
    "regular_cite": {
      "status": "S",
      "text": "平时考核结果作为年度考核的重要依据（《公务员法》第三十六条）；等次分数段、优秀条件与“好”等次比例为本地做法"
    },
    "basic_below": 7000,
    "incompetent_below": 6000,
    "score_cite": {
      "status": "U",
      "text": "考核内容为德、能、勤、绩、廉，重点考核政治素质和工作实绩（《公务员法》第三十五条）；权重与分数线为本地设置"
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
    ]
  },
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
  }
};
