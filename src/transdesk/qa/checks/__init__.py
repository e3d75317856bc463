"""The built-in checks, one module each; `transdesk.qa.registry` names them."""
