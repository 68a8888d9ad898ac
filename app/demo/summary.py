"""What a demo load created, counted per kind of record."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class DemoSummary:
    org_units: int = 0
    resident_units: int = 0
    party_orgs: int = 0
    people: int = 0
    compounds: int = 0
    users: int = 0
    issue_categories: int = 0
    holidays: int = 0
    meetings: int = 0
    attendances: int = 0
    agenda_items: int = 0
    decisions: int = 0
    action_items: int = 0
    agreements: int = 0
    agreement_parties: int = 0
    commitments: int = 0
    fulfilment_records: int = 0
    list_entries: int = 0
    member_registrations: int = 0
    service_records: int = 0
    postings: int = 0
    work_logs: int = 0
    evaluations: int = 0
    issues: int = 0
    dispatches: int = 0
    issue_events: int = 0
    follow_ups: int = 0

    @classmethod
    def from_counts(cls, counts: dict[str, int]) -> DemoSummary:
        """Counts keyed by table name (the field names are the table names)."""
        return cls(**{f.name: counts.get(f.name, 0) for f in fields(cls)})

    @property
    def total(self) -> int:
        return sum(getattr(self, f.name) for f in fields(self))
