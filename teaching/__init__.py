"""The teacher's kit: lesson plans live in TEACHING.md; answers and exercises in this folder."""
