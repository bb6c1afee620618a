"""Services: every write goes through here (keyword-only arguments; role checks for users' writes)."""
