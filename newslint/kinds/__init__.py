"""Rule kinds: one module each. A kind compiles a rule's YAML once and checks documents."""
