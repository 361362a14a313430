def use(cm, items):
    with cm as handle:
        for x in items:
            handle.append(x)
    with cm:
        return len(items)
