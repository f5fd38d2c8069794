"""The window: the Agents > Models page and its provider cards. Only this package imports Qt."""
