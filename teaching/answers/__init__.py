"""Answers to the "Your turn" exercises: the teacher's edition (README.md) and the figures behind it."""
