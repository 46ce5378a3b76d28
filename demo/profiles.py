"""The demo park's vocabulary: building profiles, sizes, names and word lists."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from demo.floorplates import CommonKind
from domain.assets import (
    BuildingKind,
    ChainPosition,
    FitOut,
    UnitStatus,
    UnitType,
)
from domain.floor_areas import BillableRule

PARK_CODE = "ZD"
PARK_NAME = "张江智造产业园"
PARK_CITY = "上海"
PARK_ADDRESS = "上海市浦东新区张江高科技园区科苑路88号"
UNITS_PER_CLUSTER = 1500  # one cluster of towers, plant, warehouse and podium per 1,500 units
MIN_UNITS = 100
TOWER_MAX_FLOORS = 60
UNITS_PER_TENANT = 5
BATCH = 2000  # objects per flush: big enough to batch inserts, small enough to stay lean
SITE_GAP = 30.0  # metres between buildings on the site plan
SITE_ROW = 700.0  # site plan width before the next row of buildings

AREA = Decimal("0.01")
ONE_PLACE = Decimal("0.1")
ELEVATION = Decimal("0.001")
ZERO_AREA = Decimal("0.00")
BASEMENT_STOREY = Decimal("5.50")

BILLABLE_RULE = BillableRule.LEASABLE  # the park bills on leasable area, as most Chinese parks do
USE_REASON = "demo"  # why a demo unit has its use (units.use_reason): the demo said so

# Units for rent the owner keeps off the market (status not leasable). They are not
# property-management rooms: those are common area (GB/T 17986.1 counts 管理用房 serving
# the building in its shared area), while these are ordinary units of any size, numbered
# with the floor's units for rent; so they keep their common share like any unit for rent.
NOT_LEASABLE_SHARE = 0.03
NOT_LEASABLE_NAME = "业主自用"
STANDARD_FLOOR_SHARE = 0.7  # chance a floor repeats a layout already drawn in its building
# What a group of units is doing today, by share of groups.
FATES = (
    ("leased", 0.76),
    ("vacant", 0.125),
    ("reserved", 0.04),
    ("renovation", 0.045),
    ("frozen", 0.03),
)
FATE_STATUS = {
    "leased": UnitStatus.LEASABLE,  # its contracts make it leased
    "vacant": UnitStatus.LEASABLE,
    "reserved": UnitStatus.RESERVED,
    "renovation": UnitStatus.UNDER_RENOVATION,
    "frozen": UnitStatus.FROZEN,
}


# -- profiles of the four kinds of building -----------------------------------------


@dataclass(frozen=True)
class Profile:
    """How one kind of building looks, is fitted and priced."""

    kind: BuildingKind
    unit_type: UnitType
    tenant_kind: str
    labels: tuple[str, ...]
    terms: tuple[int, ...]  # lease terms in months to draw from
    group_sizes: tuple[float, float, float]  # chance a contract takes 1, 2 or 3 units
    fit_outs: tuple[tuple[FitOut, float], ...]
    storey: Decimal  # floor-to-floor height in metres; clear heights stay below it
    ground_storey: Decimal

    @property
    def sizes(self) -> tuple[tuple[int, float], ...]:
        return tuple(zip((1, 2, 3), self.group_sizes, strict=True))


OFFICE = Profile(
    BuildingKind.OFFICE,
    UnitType.OFFICE,
    "office",
    ("研发办公楼", "总部办公楼", "创新中心", "科研大楼", "企业总部大厦", "孵化器大楼"),
    (12, 24, 24, 36, 36, 36, 60),
    (0.25, 0.35, 0.4),
    ((FitOut.SHELL, 0.15), (FitOut.BASIC, 0.35), (FitOut.FITTED, 0.35), (FitOut.PREMIUM, 0.15)),
    Decimal("4.20"),
    Decimal("5.40"),
)
PLANT = Profile(
    BuildingKind.INDUSTRIAL,
    UnitType.INDUSTRIAL,
    "industrial",
    ("标准厂房", "智造厂房", "生产厂房", "中试厂房"),
    (36, 36, 60, 60, 72),
    (0.6, 0.4, 0.0),
    ((FitOut.SHELL, 0.6), (FitOut.BASIC, 0.4)),
    Decimal("6.50"),
    Decimal("9.50"),
)
WAREHOUSE = Profile(
    BuildingKind.WAREHOUSE,
    UnitType.WAREHOUSE,
    "logistics",
    ("物流仓库", "高标仓库", "智能仓储中心"),
    (24, 36, 36, 60),
    (0.7, 0.3, 0.0),
    ((FitOut.SHELL, 1.0),),
    Decimal("12.00"),
    Decimal("12.00"),
)
RETAIL = Profile(
    BuildingKind.RETAIL,
    UnitType.RETAIL,
    "retail",
    ("商业中心", "邻里中心", "商业裙楼"),
    (24, 36, 36, 60),
    (0.7, 0.2, 0.1),
    ((FitOut.SHELL, 0.4), (FitOut.BASIC, 0.4), (FitOut.FITTED, 0.2)),
    Decimal("5.40"),
    Decimal("6.60"),
)

# Tenant industries per kind of space: (industry, words for the company name, chain positions).
INDUSTRIES: dict[str, tuple[tuple[str, tuple[str, ...], tuple[ChainPosition, ...]], ...]] = {
    "office": (
        (
            "集成电路设计",
            ("半导体科技", "微电子科技", "集成电路"),
            (ChainPosition.UPSTREAM, ChainPosition.MIDSTREAM),
        ),
        (
            "生物医药研发",
            ("生物科技", "医药科技", "生物医药"),
            (ChainPosition.UPSTREAM, ChainPosition.MIDSTREAM),
        ),
        (
            "人工智能",
            ("智能科技", "人工智能科技", "数据科技"),
            (ChainPosition.MIDSTREAM, ChainPosition.DOWNSTREAM),
        ),
        (
            "软件和信息服务",
            ("软件", "信息技术", "网络科技"),
            (ChainPosition.MIDSTREAM, ChainPosition.DOWNSTREAM),
        ),
        ("医疗器械研发", ("医疗科技", "医疗器械"), (ChainPosition.MIDSTREAM,)),
        ("金融服务", ("投资管理", "融资租赁", "资产管理"), (ChainPosition.SERVICES,)),
        ("专业服务", ("企业管理咨询", "知识产权代理", "人力资源"), (ChainPosition.SERVICES,)),
        ("检验检测", ("检测技术", "检验认证"), (ChainPosition.SERVICES,)),
    ),
    "industrial": (
        ("精密制造", ("精密机械", "精密制造"), (ChainPosition.MIDSTREAM,)),
        ("半导体设备", ("半导体设备", "真空技术"), (ChainPosition.UPSTREAM,)),
        (
            "新能源汽车零部件",
            ("汽车零部件", "电驱动技术", "新能源科技"),
            (ChainPosition.MIDSTREAM,),
        ),
        ("医疗器械制造", ("医疗器械制造", "医用材料"), (ChainPosition.MIDSTREAM,)),
        (
            "机器人与自动化",
            ("机器人", "自动化设备"),
            (ChainPosition.MIDSTREAM, ChainPosition.DOWNSTREAM),
        ),
        ("新材料", ("新材料科技", "高分子材料"), (ChainPosition.UPSTREAM,)),
    ),
    "logistics": (
        ("物流仓储", ("供应链管理", "物流", "仓储服务"), (ChainPosition.SERVICES,)),
        ("跨境电商", ("电子商务", "国际贸易"), (ChainPosition.DOWNSTREAM,)),
        ("医药流通", ("医药物流", "医药供应链"), (ChainPosition.DOWNSTREAM,)),
    ),
    "retail": (
        ("餐饮", ("餐饮管理", "餐饮"), (ChainPosition.SERVICES,)),
        ("零售", ("商贸", "便利店"), (ChainPosition.DOWNSTREAM,)),
        ("生活服务", ("健身管理", "文化传播", "美容美发"), (ChainPosition.SERVICES,)),
        ("教育培训", ("教育科技", "培训"), (ChainPosition.SERVICES,)),
        ("咖啡茶饮", ("咖啡", "茶饮"), (ChainPosition.SERVICES,)),
    ),
}
BRAND_FIRST = (
    ("华", "hua"),
    ("中", "zhong"),
    ("新", "xin"),
    ("科", "ke"),
    ("恒", "heng"),
    ("瑞", "rui"),
    ("博", "bo"),
    ("启", "qi"),
    ("睿", "rui"),
    ("凯", "kai"),
    ("泰", "tai"),
    ("鼎", "ding"),
    ("晶", "jing"),
    ("芯", "xin"),
    ("微", "wei"),
    ("联", "lian"),
    ("达", "da"),
    ("信", "xin"),
    ("盛", "sheng"),
    ("源", "yuan"),
    ("宏", "hong"),
    ("嘉", "jia"),
    ("锐", "rui"),
    ("腾", "teng"),
    ("昊", "hao"),
    ("乐", "le"),
    ("天", "tian"),
    ("云", "yun"),
    ("海", "hai"),
    ("思", "si"),
    ("易", "yi"),
    ("卓", "zhuo"),
    ("悦", "yue"),
    ("安", "an"),
    ("康", "kang"),
    ("和", "he"),
    ("众", "zhong"),
    ("汇", "hui"),
    ("赛", "sai"),
    ("领", "ling"),
)
BRAND_SECOND = (
    ("创", "chuang"),
    ("迈", "mai"),
    ("拓", "tuo"),
    ("捷", "jie"),
    ("智", "zhi"),
    ("诚", "cheng"),
    ("通", "tong"),
    ("德", "de"),
    ("远", "yuan"),
    ("峰", "feng"),
    ("辰", "chen"),
    ("宇", "yu"),
    ("驰", "chi"),
    ("研", "yan"),
    ("诺", "nuo"),
    ("光", "guang"),
    ("禾", "he"),
    ("川", "chuan"),
    ("森", "sen"),
    ("越", "yue"),
    ("致", "zhi"),
    ("航", "hang"),
    ("澜", "lan"),
    ("维", "wei"),
    ("锦", "jin"),
    ("为", "wei"),
    ("凌", "ling"),
    ("烁", "shuo"),
    ("明", "ming"),
    ("途", "tu"),
)
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵"
)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华玲文斌宇浩凯鹏俊晨欣怡婷雪琳子涵思雨佳颖"
MOBILE_PREFIXES = (
    "138",
    "139",
    "135",
    "136",
    "137",
    "150",
    "151",
    "158",
    "159",
    "186",
    "187",
    "188",
    "133",
    "153",
    "189",
    "180",
    "181",
    "177",
    "199",
)
CONTACT_ROLES = ("admin", "office", "bd", "hr", "contact")

# What a register calls a plate's common rooms. Each name but two holds a word
# domain.room_classification reads as common, so classifying the rooms again keeps them
# common; it knows neither 核心筒 nor 装卸平台 yet (undecided: it would make them leasable).
COMMON_NAMES = {
    CommonKind.CORE: "核心筒",
    CommonKind.STAIR: "楼梯间",
    CommonKind.FREIGHT_LIFT: "货梯间",
    CommonKind.TOILET: "卫生间",
    CommonKind.CORRIDOR: "走廊",
    CommonKind.LOBBY: "扶梯厅",  # a retail floor's west end above or below the entrance
    CommonKind.PLATFORM: "装卸平台",
}
ENTRANCE_LOBBY = "入口大堂"  # the retail lobby on the ground floor: the building's entrance
SIDES = ("东", "北", "西", "南")  # east, north, west, south: the side a corridor runs along
