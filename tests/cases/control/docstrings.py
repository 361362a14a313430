"""Tests docstrings.

The module docstring spans several lines
and keeps its    internal spacing.
"""


def documented():
    """A one-line docstring."""
    return 1


def multi_line():
    """First line.

    More details here, indented.
        Even more indented.
    """
    return 2


def not_documented():
    x = "this is not a docstring"
    return x


def string_after_statement():
    y = 1
    "not a docstring either"
    return y


def single_quoted():
    'single quotes work too'


def raw_docstring():
    r"""Raw \n stays as backslash-n."""


def number_first():
    42
    """too late"""


lam = lambda: 0

print(repr(__doc__))
print(repr(documented.__doc__))
print(repr(multi_line.__doc__))
print(repr(not_documented.__doc__))
print(repr(string_after_statement.__doc__))
print(repr(single_quoted.__doc__))
print(repr(raw_docstring.__doc__))
print(repr(number_first.__doc__))
print(repr(lam.__doc__))
print(documented(), multi_line(), not_documented(), string_after_statement())
print(documented.__doc__.upper())
print(len(multi_line.__doc__.splitlines()))
for line in __doc__.splitlines():
    print("|" + line + "|")


def outer():
    """Outer doc."""

    def inner():
        """Inner doc."""
        return inner.__doc__

    return inner()


print(outer(), outer.__doc__)
