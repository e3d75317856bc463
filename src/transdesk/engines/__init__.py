"""Translation engines behind one interface (`transdesk.engines.base`), found by name
(`transdesk.engines.registry`); each declares its options (`*_options`) and capabilities."""
