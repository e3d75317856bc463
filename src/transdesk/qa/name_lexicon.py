"""What tells a Korean personal name from a place, an institution or a compound, and what in the
English may stand in for a name already given.

Kiwi tags districts (서초구), places (여의도), companies and compounds (한미일) as proper nouns just
as it tags people, and many of them start with a syllable that is also a family name. The names
check reads these lists to decide how sure it is that a proper noun is a person:

- `PERSON_TITLES`: the titles and forms of address that follow a Korean personal name ("김정관
  산업통상자원부 장관", "박동선씨"); `PERSONAL_TITLES`, those only a person has ("씨", "선수");
- `PLACE_SUFFIXES`, `INSTITUTION_SUFFIXES`: the endings of places and bodies (-구, -시, -청, -부);
- `COMPOUND_SYLLABLES`: the one-syllable country and side abbreviations Korean compounds are made
  of (한미일 "South Korea, the United States and Japan", 남북, 여야);
- `PLACES`, `BODIES`: countries, cities, places, companies and bodies whose Korean form looks
  like a personal name; `PLACE_PARTICLES`: the particles that follow a place, not a person;
- `ENGLISH_STAND_INS`: the titles, roles and pronouns good English uses for a person named
  before ("the minister", "he").
"""

from __future__ import annotations

# titles and forms of address written after a personal name, as a separate word or morpheme
PERSON_TITLES: frozenset[str] = frozenset(
    """
    대통령 당선인 당선자 위원장 부위원장 국무위원장 장관 차관 차관보 의원 총리 부총리 대표 원내대표 최고위원 사무총장
    회장 부회장 관장 사장 부사장 이사 이사장 전무 상무 대표이사 고문 씨 여사 옹 군 양 님 교수 박사 연구원 감독 코치 선수
    주장 대사 공사 영사 장군 대장 중장 소장 국장 실장 차장 총장 처장 청장 원장 부장 부부장 과장 팀장 본부장 단장
    지사 도지사 시장 구청장 군수 기자 특파원 앵커 판사 검사 검사장 검찰총장 대법원장 대법관 재판관 헌법재판관 재판장 변호사 의장
    부의장 후보 후보자 대변인 수석 비서관 비서실장 행정관 지도자 총비서 비서 주석 서기장 외무상 국방상 작가 배우
    가수 시인 화가 회원 사무국장 총재 부총재 행장 대주교 추기경 신부 목사 스님 경위 경감 경정 총경 경장 순경 조사관
    스킵 투수 타자 포수 골키퍼 공격수 수비수 미드필더 세터 리베로 에이스
    """.split()
)
# forms of address and callings that only a person has: with one of these after it, a word is a
# name even where it ends like a place (강호동 씨, 김종국 선수)
PERSONAL_TITLES: frozenset[str] = frozenset(
    "씨 여사 옹 군 양 님 선수 감독 배우 가수 작가 교수 코치 기자 박사 시인 화가".split()
)
# a title written onto a place makes its holder, not a person's name: 부산시장, 강남구청장
PLACE_HEAD_TITLES: frozenset[str] = frozenset("시장 구청장 군수 도지사 지사 구청 시청 도청".split())
# words that may stand between a name and its title: 윤석열 전 대통령, 김정관 산업통상자원부 장관
TITLE_MODIFIERS: frozenset[str] = frozenset("전 현 前 現 신임 초대 당시 직무대행 권한대행".split())

# endings of a place's name; endings a given name often has (-호, -만, -성, -원, -관) are left
# out, since Kiwi's dictionary already knows the common nouns that end so (도서관, 병원)
PLACE_SUFFIXES: frozenset[str] = frozenset(
    "구 시 군 도 동 읍 면 리 가 로 역 항 섬 산 강 해 양 반도 공항 항구 광장 시장 공원 단지 고개".split()
)
INSTITUTION_SUFFIXES: frozenset[str] = frozenset(
    """
    대 청 부 처 국 당 사 회 소 단 실 과 교 궁 절 위 청사 본부 위원회 재단 협회 공사 공단 은행 증권 그룹 전자
    건설 화학 제약 항공 통신 물산 중공업 자동차 차 병원 법원 학교 학원 연구소 연구원 방송 신문 일보 통신사
    """.split()
)
# one-syllable abbreviations compounds are built from: 한(South Korea) 미(US) 일(Japan) 중(China)
# 북(North) 남(South) 러(Russia) 영(UK) 독(Germany) 불(France) 호(Australia) 인(India) 여야 (the
# ruling and opposition parties) 노사 (labour and management) 동서 (East and West)
COMPOUND_SYLLABLES: frozenset[str] = frozenset("한미일중북남러영독불호인캐대여야노사동서유아태".replace(" ", ""))

PLACES: frozenset[str] = frozenset(
    """
    한국 남한 북한 미국 중국 일본 대만 홍콩 마카오 러시아 영국 독일 인도 호주 이란 이라크 이집트 이스라엘 유럽 아시아
    서울 부산 인천 대구 대전 광주 울산 세종 제주 수원 성남 고양 용인 창원 청주 전주 천안 포항 경주 안동 강릉 춘천
    원주 여수 순천 목포 평양 개성 신의주 원산 함흥 남포 판문점 여의도 용산 종로 강남 서초 송파 마포 광화문 명동
    도쿄 오사카 베이징 상하이 워싱턴 뉴욕 런던 파리 모스크바 하노이 방콕 마닐라 자카르타 싱가포르 제네바 브뤼셀
    경기 강원 충북 충남 전북 전남 경북 경남 영남 호남 충청 수도권 한반도 동해 서해 남해 독도 백두산 한라산 금강산
    이태원 남양주 동두천 김해 김포 김천 김제 진주 양산 안산 안양 안성 고양 고성 구미 남원 오산 이천 정읍 진도 완도
    """.split()
)
# companies and bodies whose names look like a person's (신세계 is no Mr. Shin)
BODIES: frozenset[str] = frozenset(
    """
    신세계 한수원 한전 현대차 기아차 한진 한화 한미약품 유한양행 고려아연 이마트 조선일보 동아일보 한겨레 한은
    """.split()
)
# particles that follow a place, not a person: 이태원에서, 부산으로
PLACE_PARTICLES: frozenset[str] = frozenset("에서 에 로 으로 까지 부터 에서는 에는 으로는 로는".split())

# English words that stand in for a person already named: a title or role, or a pronoun
ENGLISH_STAND_INS: frozenset[str] = frozenset(
    """
    he she him his her hers himself herself
    president minister premier chairman chairwoman chair chief leader lawmaker legislator
    spokesman spokeswoman spokesperson official ambassador envoy diplomat governor mayor judge
    justice prosecutor professor coach manager director executive ceo head secretary commissioner
    representative senator general commander admiral officer lawyer attorney suspect defendant
    victim actor actress singer star player striker pitcher skater golfer artist writer author
    researcher scientist doctor man woman boy girl father mother son daughter wife husband sister
    brother nominee candidate speaker aide adviser advisor counselor reporter correspondent
    anchor founder owner chairperson vice deputy lady captain midfielder forward defender
    goalkeeper winger batter hitter champion medalist athlete skipper curator economist analyst
    engineer teacher student resident worker farmer pilot soldier citizen congressman
    congresswoman councilor councillor
    """.split()
)

# words shaped like a family name and a given name that are neither: 이슬람 (Islam)
NOT_NAMES: frozenset[str] = frozenset("이슬람 이라크 이란인 신부님".split())
