"""Tenants made by the leasing use cases: one code format, one way to add one.

The contract wizard (a tenant typed in), a quote becoming a draft (a tenant
made from the lead) and a rent roll (a tenant named in a row and not found)
all create tenants here, inside the caller's transaction, so every new
tenant is coded alike: ``KH-00001`` on (客户, as the demo park numbers its
tenants), one past the park's highest number in that form. A number is never
given twice, not even the number of an archived tenant, and codes in another
form (``T001`` typed by hand) are left alone and never collide with these.
"""

from __future__ import annotations

import re
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.ids import uuid7
from store.schema import Tenant

TENANT_PREFIX = "KH"  # 客户
_CODE = re.compile(rf"^{TENANT_PREFIX}-(\d+)$")


def next_tenant_codes(session: Session, park_id: uuid.UUID, count: int = 1) -> list[str]:
    """``count`` codes for new tenants of the park, in order: ``KH-00001`` on, after the
    park's highest (archived tenants count: a code is never used twice)."""
    numbers = [int(m.group(1)) for code in session.scalars(
        select(Tenant.code).where(Tenant.park_id == park_id)) if (m := _CODE.match(code))]
    last = max(numbers, default=0)
    return [f"{TENANT_PREFIX}-{n:05d}" for n in range(last + 1, last + 1 + count)]


def add_tenant(session: Session, park_id: uuid.UUID, name: str, *, contact_name: str = "",
               contact_phone: str = "", short_name: str = "", industry: str = "",
               code: str | None = None) -> Tenant:
    """A new tenant of the park, inside the caller's transaction (its ``create`` op goes
    with the caller's write, or neither does). Its id is set at once, so a caller may
    point at it before the flush; ``code`` is the next free one unless given (from
    :func:`next_tenant_codes`, when many are added at once)."""
    tenant = Tenant(id=uuid7(), park_id=park_id,
                    code=code or next_tenant_codes(session, park_id)[0], name=name.strip(),
                    short_name=short_name.strip(), contact_name=contact_name.strip(),
                    contact_phone=contact_phone.strip(), industry=industry.strip())
    session.add(tenant)
    return tenant
