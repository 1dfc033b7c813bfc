"""Schemathesis hooks for trafficspec's contract (loaded by scripts/proof/conformance.sh).

In openapi.yaml an `application/yaml` body or response whose schema is `type: string` is the
YAML text itself: a spec document exactly as posted, the contract, or a multi-document stream of
manifests. Schemathesis would otherwise encode a generated string as a YAML string scalar (a
document the server rightly refuses: "a spec must be a mapping") and parse every YAML response
as one document (which a manifest stream is not). So YAML goes on and comes off the wire as text.
"""

import schemathesis
import yaml

YAML_TYPES = ("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml")


def _is_text_schema(ctx):
    """Whether the case's YAML body is declared as text (`type: string`) rather than a mapping."""
    for body in ctx.case.operation.body:
        if body.media_type == ctx.case.media_type:
            schema = body.resolved_schema if isinstance(body.resolved_schema, dict) else {}
            return schema.get("type") == "string"
    return False


@schemathesis.serializer(*YAML_TYPES)
def yaml_text_body(ctx, value):
    if isinstance(value, bytes):
        return value
    if _is_text_schema(ctx):
        if isinstance(value, str):
            return value.encode("utf-8", "surrogatepass")
        # A negative case of the wrong type: a value that is not text has no YAML text to send,
        # so the body is left out (the server answers 400, as for any missing body).
        return None
    return yaml.safe_dump(value, sort_keys=False, allow_unicode=True).encode("utf-8", "surrogatepass")


@schemathesis.deserializer(*YAML_TYPES)
def yaml_text_response(_ctx, response):
    return response.content.decode(response.encoding or "utf-8", "replace")
