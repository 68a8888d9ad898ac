"""People of the street offices, communities and grids, and the secretaries of their orgs."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from random import Random

from app.demo.world import Community, Context, PersonRef, Street
from db.models.directory import Gender

STREET_LEADER_POSTS = (
    "党工委书记",
    "党工委副书记、办事处主任",
    "党工委副书记",
    "党工委委员、组织委员",
    "党工委委员、宣传委员",
    "办事处副主任",
    "办事处副主任",
    "纪工委书记",
)
COMMUNITY_POSTS = ("社区党委书记、居委会主任", "社区党委副书记", "社区党委委员")


def add_person(
    ctx: Context,
    *,
    post: str = "",
    ages: tuple[int, int] = (26, 58),
    gender: Gender | None = None,
    employer_unit_id: str | None = None,
    org_unit_id: str | None = None,
    party_org_id: str | None = None,
    grid_worker: bool = False,
    note: str = "",
    at: datetime | None = None,
) -> PersonRef:
    who = ctx.identities.draw(ages, gender)
    person_id = ctx.rows.add(
        "people",
        at or ctx.setup_time,
        **asdict(who),
        employer_unit_id=employer_unit_id,
        org_unit_id=org_unit_id,
        post=post,
        is_party_member=party_org_id is not None,
        party_org_id=party_org_id,
        is_grid_worker=grid_worker,
        note=note,
    )
    return PersonRef(person_id, who.name, post, who.mobile)


def _head_post(department: str) -> str:
    return f"{department}{'科长' if department.endswith('科') else '主任'}"


def build_staff(ctx: Context) -> None:
    rng = ctx.rng("staff")
    for street in ctx.world.streets:
        _street_office(ctx, rng, street)
        for community in street.communities:
            _community_office(ctx, rng, community)


def _community_office(ctx: Context, rng: Random, community: Community) -> None:
    party = community.party_org_id
    posts = list(COMMUNITY_POSTS) + ["社区党委委员"] * rng.randint(0, 1)
    posts += ["社区工作者"] * rng.randint(2, 4)
    for post in posts:
        member = post.startswith("社区党委") or rng.random() < 0.5
        community.staff.append(
            add_person(
                ctx,
                post=post,
                ages=(38, 56) if "书记" in post else (24, 50),
                org_unit_id=community.id,
                party_org_id=party if member else None,
            )
        )
    ctx.rows.update_later("party_orgs", party, secretary_id=community.secretary.id)
    for grid in community.grids:
        for index in range(rng.randint(1, 2)):
            member = index == 0 or rng.random() < 0.5  # the first is the branch's backbone
            grid.workers.append(
                add_person(
                    ctx,
                    post="专职网格员",
                    ages=(23, 52),
                    org_unit_id=grid.id,
                    party_org_id=grid.party_org_id if member else None,
                    grid_worker=True,
                )
            )
        # A grid branch is led by its first grid worker or by a member of the community committee.
        secretary = grid.workers[0] if rng.random() < 0.6 else rng.choice(community.staff[1:3])
        ctx.rows.update_later("party_orgs", grid.party_org_id, secretary_id=secretary.id)


def _street_office(ctx: Context, rng: Random, street: Street) -> None:
    for post in STREET_LEADER_POSTS:
        street.leaders.append(
            add_person(
                ctx,
                post=post,
                ages=(40, 57),
                gender=Gender.MALE if rng.random() < 0.65 else Gender.FEMALE,
                org_unit_id=street.id,
                party_org_id=street.party_org_id,
            )
        )
    ctx.rows.update_later("party_orgs", street.party_org_id, secretary_id=street.secretary.id)
    for department, department_id in street.departments.items():
        street.department_heads[department] = add_person(
            ctx,
            post=_head_post(department),
            ages=(34, 52),
            org_unit_id=department_id,
            party_org_id=street.party_org_id,
        )
        add_person(
            ctx,
            post=f"{department}副{'科长' if department.endswith('科') else '主任'}",
            ages=(30, 50),
            org_unit_id=department_id,
            party_org_id=street.party_org_id,
        )
        for _ in range(rng.randint(1, 2)):
            clerk = add_person(
                ctx,
                post="科员",
                ages=(24, 40),
                org_unit_id=department_id,
                party_org_id=street.party_org_id if rng.random() < 0.7 else None,
            )
            if department == "党建办":
                street.clerks.append(clerk)
