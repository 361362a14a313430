"""Higher-order functions (pyvm's embedded `functools` module): wraps, reduce, partial,
lru_cache, cache, total_ordering, cmp_to_key."""

from collections import namedtuple

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Makes wrapper look like wrapped: copies its name, docstring and attributes."""
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    # Set last, so that a __wrapped__ copied from wrapped's __dict__ is replaced.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator form of update_wrapper."""
    def decorator(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)
    return decorator


_initial_missing = object()


def reduce(function, sequence, initial=_initial_missing):
    """Folds sequence from the left with a two-argument function."""
    try:
        it = iter(sequence)
    except TypeError:
        raise TypeError("reduce() arg 2 must support iteration") from None
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class partial:
    """A callable with some positional and keyword arguments already supplied."""

    def __new__(cls, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if isinstance(func, partial):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self = super().__new__(cls)
        self.func = func
        self.args = args
        self.keywords = keywords
        return self

    def __call__(self, /, *args, **keywords):
        keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(a) for a in self.args)
        parts.extend(f"{k}={v!r}" for k, v in self.keywords.items())
        name = type(self).__qualname__
        if type(self) is partial:
            name = "functools.partial"
        return f"{name}({', '.join(parts)})"


CacheInfo = namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"],
                       module="functools")

_kwd_mark = object()


def _make_key(args, kwds, typed):
    key = args
    if kwds:
        key += (_kwd_mark,)
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    elif len(key) == 1 and type(key[0]) in (int, str):
        return key[0]
    return key


def lru_cache(maxsize=128, typed=False):
    """Memoises a function, keeping the maxsize most recently used results (all if None)."""
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        user_function, maxsize = maxsize, 128
        return _lru_cache_wrapper(user_function, maxsize, typed)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        return _lru_cache_wrapper(user_function, maxsize, typed)
    return decorating_function


def _lru_cache_wrapper(user_function, maxsize, typed):
    # The cache is a dict in recency order: a hit moves its key to the end, and a full cache
    # drops its first key.
    cache = {}
    stats = [0, 0]  # hits, misses
    missing = object()

    if maxsize == 0:
        def wrapper(*args, **kwds):
            stats[1] += 1
            return user_function(*args, **kwds)
    elif maxsize is None:
        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            result = cache.get(key, missing)
            if result is not missing:
                stats[0] += 1
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            return result
    else:
        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            result = cache.pop(key, missing)
            if result is not missing:
                cache[key] = result
                stats[0] += 1
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            if key not in cache:
                if len(cache) >= maxsize:
                    del cache[next(iter(cache))]
                cache[key] = result
            return result

    def cache_info():
        """Report cache statistics"""
        return CacheInfo(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        """Clear the cache and cache statistics"""
        cache.clear()
        stats[0] = stats[1] = 0

    def cache_parameters():
        return {'typed': typed, 'maxsize': maxsize}

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    wrapper.cache_parameters = cache_parameters
    return update_wrapper(wrapper, user_function)


def cache(user_function, /):
    """An unbounded memoising cache: lru_cache(maxsize=None)."""
    return lru_cache(maxsize=None)(user_function)


def _derived(root, name, combine):
    """The comparison `name` computed from the class's `root` comparison by `combine`."""
    def compare(self, other):
        result = getattr(type(self), root)(self, other)
        if result is NotImplemented:
            return result
        return combine(result, self, other)
    compare.__name__ = compare.__qualname__ = name
    return compare


# How a derived comparison follows from the root's result r for operands a and b.
def _negated(r, a, b):
    return not r


def _negated_and_unequal(r, a, b):
    return not r and a != b


def _negated_or_equal(r, a, b):
    return not r or a == b


def _or_equal(r, a, b):
    return r or a == b


def _and_unequal(r, a, b):
    return r and a != b


# For each root comparison, the other three.
_convert = {
    '__lt__': [('__gt__', _negated_and_unequal), ('__le__', _or_equal), ('__ge__', _negated)],
    '__le__': [('__ge__', _negated_or_equal), ('__lt__', _and_unequal), ('__gt__', _negated)],
    '__gt__': [('__lt__', _negated_and_unequal), ('__ge__', _or_equal), ('__le__', _negated)],
    '__ge__': [('__le__', _negated_or_equal), ('__gt__', _and_unequal), ('__lt__', _negated)],
}


def _defines(cls, name):
    for klass in cls.__mro__:
        if klass is object:
            return False
        if name in klass.__dict__:
            return True
    return False


def total_ordering(cls):
    """Class decorator: fills in the rich comparisons missing from one that is defined."""
    roots = [op for op in _convert if _defines(cls, op)]
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = roots[0]
    for preferred in ('__lt__', '__le__', '__gt__', '__ge__'):
        if preferred in roots:
            root = preferred
            break
    for opname, combine in _convert[root]:
        if opname not in roots:
            setattr(cls, opname, _derived(root, opname, combine))
    return cls


def cmp_to_key(mycmp):
    """Turns an old-style comparison function into a key function."""
    def comparison(test):
        def compare(self, other):
            return test(mycmp(self.obj, other.obj))
        return compare

    class K:
        __slots__ = ['obj']

        def __init__(self, obj):
            self.obj = obj

        __lt__ = comparison(lambda c: c < 0)
        __gt__ = comparison(lambda c: c > 0)
        __eq__ = comparison(lambda c: c == 0)
        __le__ = comparison(lambda c: c <= 0)
        __ge__ = comparison(lambda c: c >= 0)
        __hash__ = None
    return K
