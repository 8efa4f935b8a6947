"""Policy Wizard: write a customer-service policy step by step, render it in four languages."""

__version__ = "0.1.0"
