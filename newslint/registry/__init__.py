"""The fact registry: who is who, their titles, what they said, the figures and dates."""
