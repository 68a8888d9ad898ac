"""Counts for the status bar and the home tab, each one aggregate query."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from db.models.agreements import Agreement, AgreementStatus
from db.models.directory import OrgUnit, Person, ResidentUnit
from db.models.issues import Issue, IssueStatus
from db.models.meetings import Meeting
from db.models.secondments import Posting, PostingStatus

OPEN_ISSUE_STATES = (
    IssueStatus.REGISTERED,
    IssueStatus.ACCEPTED,
    IssueStatus.DISPATCHED,
    IssueStatus.IN_PROGRESS,
    IssueStatus.RESOLVED,
    IssueStatus.FOLLOWED_UP,
)


@dataclass(frozen=True)
class Counts:
    org_units: int
    resident_units: int
    people: int
    meetings: int
    agreements: int
    active_agreements: int
    active_postings: int
    issues: int
    open_issues: int

    @property
    def is_empty(self) -> bool:
        return self.org_units == 0


def counts(session: Session) -> Counts:
    def live(model: Any, *conditions: ColumnElement[bool]) -> int:
        stmt = (
            select(func.count()).select_from(model).where(model.deleted_at.is_(None), *conditions)
        )
        return int(session.execute(stmt).scalar_one())

    return Counts(
        org_units=live(OrgUnit),
        resident_units=live(ResidentUnit),
        people=live(Person),
        meetings=live(Meeting),
        agreements=live(Agreement),
        active_agreements=live(
            Agreement, Agreement.status.in_([AgreementStatus.ACTIVE, AgreementStatus.EXPIRING])
        ),
        active_postings=live(
            Posting, Posting.status.in_([PostingStatus.ACTIVE, PostingStatus.EXTENDED])
        ),
        issues=live(Issue),
        open_issues=live(Issue, Issue.status.in_(OPEN_ISSUE_STATES)),
    )
