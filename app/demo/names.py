"""Generated personal data: Chinese names, mobiles and ID numbers that pass validation.

A few percent of given names use characters outside GB2312 (王喆, 李堃, 张玥): they are what
breaks fonts and encodings on printed minutes, so the demo data must contain them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from random import Random

from app.validation import id_check_char
from db.models.directory import Gender

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余"
    "杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史"
    "陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤葛殷缪庞"
)
# Common surnames come first and are drawn more often (weights fall with the position).
SURNAME_WEIGHTS = tuple(1.0 / (1 + i / 12) for i in range(len(SURNAMES)))
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官")

MALE_CHARS = (
    "伟强磊军勇杰涛斌超明刚平辉鹏华飞波宁俊浩凯健峰建国志文博宇晨阳轩然哲睿昊宏亮成林海东"
    "新民立永春松涵源泽栋毅鸣翔睿锋剑坤彬岩凡晓德斌琦嘉铭一天子正"
)
FEMALE_CHARS = (
    "芳娟敏静丽艳娜秀英慧巧美玲桂琳雪婷倩颖洁瑶佳萱欣怡雨梦晨悦雯琪蓉媛诗涵月兰霞燕红梅"
    "丹萍璐瑜蕙琰婧妍琴岚薇莉菲思可心云"
)
# Outside GB2312, inside GBK.
RARE_MALE = "喆堃赟昇彧璟翀淏犇垚"
RARE_FEMALE = "玥珺祎琤湉頔曌"
RARE_SHARE = 0.04

# Nanjing district codes: 玄武 秦淮 建邺 鼓楼 浦口 栖霞 雨花台 江宁 六合 溧水 高淳.
REGIONS = (
    "320102",
    "320104",
    "320105",
    "320106",
    "320106",
    "320106",
    "320111",
    "320113",
    "320114",
    "320115",
    "320116",
    "320117",
    "320118",
)
MOBILE_PREFIXES = (
    "130 131 132 133 134 135 136 137 138 139 147 150 151 152 153 155 156 157 158 159 166 173 "
    "176 177 178 180 181 182 183 185 186 187 188 189 198 199"
).split()


@dataclass
class Identity:
    """A drawn person: exactly the ``people`` columns it fills (the birthday is in the ID)."""

    name: str
    gender: Gender
    mobile: str
    id_number: str


@dataclass
class Identities:
    """Draws unique identities; keeps the ID numbers and mobiles already handed out."""

    rng: Random
    today: date
    _ids: set[str] = field(default_factory=set)
    _mobiles: set[str] = field(default_factory=set)

    def name(self, gender: Gender) -> str:
        rng = self.rng
        surname = (
            rng.choice(COMPOUND_SURNAMES)
            if rng.random() < 0.004
            else rng.choices(SURNAMES, SURNAME_WEIGHTS)[0]
        )
        pool = MALE_CHARS if gender is Gender.MALE else FEMALE_CHARS
        given = [rng.choice(pool) for _ in range(1 if rng.random() < 0.3 else 2)]
        if rng.random() < RARE_SHARE:
            given[-1] = rng.choice(RARE_MALE if gender is Gender.MALE else RARE_FEMALE)
        return surname + "".join(given)

    def mobile(self) -> str:
        while True:
            number = self.rng.choice(MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"
            if number not in self._mobiles:
                self._mobiles.add(number)
                return number

    def id_number(self, gender: Gender, birthday: date) -> str:
        while True:
            sequence = self.rng.randrange(500) * 2 + (1 if gender is Gender.MALE else 0)
            first17 = f"{self.rng.choice(REGIONS)}{birthday:%Y%m%d}{sequence:03d}"
            number = first17 + id_check_char(first17)
            if number not in self._ids:
                self._ids.add(number)
                return number

    def draw(self, ages: tuple[int, int] = (24, 58), gender: Gender | None = None) -> Identity:
        rng = self.rng
        gender = gender or (Gender.MALE if rng.random() < 0.52 else Gender.FEMALE)
        age_days = rng.randrange(ages[0] * 365, ages[1] * 365 + 364)
        birthday = self.today - timedelta(days=age_days)
        return Identity(
            name=self.name(gender),
            gender=gender,
            mobile=self.mobile(),
            id_number=self.id_number(gender, birthday),
        )

    def resident_name(self) -> str:
        """A name for someone who is not in the directory (a reporter of an issue)."""
        return self.name(Gender.MALE if self.rng.random() < 0.5 else Gender.FEMALE)
