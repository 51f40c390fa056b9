"""Namespace-blind helpers for OOXML and ODF trees.

Transitional and Strict OOXML name the same elements in different namespaces,
and attribute prefixes vary between producers; matching on local names lets
one walker read them all.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from lxml import etree

logger = logging.getLogger(__name__)


def local(element: etree._Element) -> str:
    """The element's name without namespace ("" for comments and processing instructions)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def children(element: etree._Element, name: str) -> Iterator[etree._Element]:
    return (item for item in element if local(item) == name)


def child(element: etree._Element | None, name: str) -> etree._Element | None:
    if element is None:
        return None
    return next(children(element, name), None)


def attr(element: etree._Element | None, name: str) -> str | None:
    """An attribute by local name, whatever its namespace."""
    if element is None:
        return None
    for key, value in element.attrib.items():
        if str(key).rsplit("}", 1)[-1] == name:
            return str(value)
    return None


def descendants(element: etree._Element, name: str) -> Iterator[etree._Element]:
    return (item for item in element.iter() if local(item) == name)
