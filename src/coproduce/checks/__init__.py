"""Check and score logic for each exercise kind: plain functions, answer in, result out."""
