"""The app's screens: picker, quick-set form, workout, summary, help and small dialogs."""
