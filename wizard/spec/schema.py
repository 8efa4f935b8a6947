"""The JSON Schema (draft 2020-12) of the spec, for editors such as the YAML language server."""

from __future__ import annotations

from wizard.spec import format as fmt


def json_schema() -> dict:
    """The schema, derived from the same description of the format that validates files."""
    body = fmt.SPEC.json()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Policy Wizard customer service policy",
        "description": "A customer service policy, written by hand or with policy-wizard "
                       "(schema_version 1).",
        **body,
        "$defs": {
            "text": fmt.Text.definition(),
            "duration": fmt.DurationType.definition(),
        },
    }
