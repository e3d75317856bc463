"""A message as it goes on the wire: the JSON body and the Standard Webhooks headers.

The body is `{"type", "timestamp", "data"}`, the timestamp being the event's (the same on every
try); the `webhook-timestamp` header is the try's own, signed with the body and the message id
(`webhook-id`) under the endpoint's `whsec_` secret, as `standardwebhooks` verifies it.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import secrets
from collections.abc import Mapping

from standardwebhooks import Webhook

SECRET_PREFIX = "whsec_"


def new_secret() -> str:
    """A fresh endpoint secret: `whsec_` and 24 random bytes in base64."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(24)).decode("ascii")


def _iso(moment: dt.datetime) -> str:
    moment = moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def body(event_type: str, created_at: dt.datetime, data: Mapping[str, object]) -> str:
    """The JSON payload (compact, keys in a stable order)."""
    payload = {"type": event_type, "timestamp": _iso(created_at), "data": dict(data)}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def headers(secret: str, msg_id: str, payload: str, now: dt.datetime) -> dict[str, str]:
    """The headers of one try: content type, id, timestamp and the v1 signature."""
    now = now.replace(tzinfo=dt.UTC) if now.tzinfo is None else now
    return {
        "content-type": "application/json",
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": Webhook(secret).sign(msg_id, now, payload),
    }
