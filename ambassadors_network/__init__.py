"""Community Ambassadors Network: sign-up, review and referral attribution (issue 5)."""
