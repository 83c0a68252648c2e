// The review-session model.
