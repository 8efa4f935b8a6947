"""The Textual app. Nothing in the core (spec, render, check) imports this package."""
