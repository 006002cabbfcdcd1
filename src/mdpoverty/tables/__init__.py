"""Tables a document prints, derived from the model, and the spreadsheets they travel in."""
