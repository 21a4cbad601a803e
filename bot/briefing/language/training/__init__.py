"""`make model`: the training script, its config and the scorer it shares with bench."""
