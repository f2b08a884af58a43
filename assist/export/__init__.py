"""Exports of the product's answers in office formats (the drafted 检察建议书 as Word)."""
