"""Platform adapters: translate platform events to `Event` and `Reply` to platform messages."""
