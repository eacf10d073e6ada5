"""Tests per source package, named as etl/sources/<source>/ is."""
