"""The policy spec: load, validate and save the YAML format of ../shared/policy-spec.md."""
