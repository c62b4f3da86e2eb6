"""Mentions found in text: times, quantities, references and actors."""
