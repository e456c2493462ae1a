def area(kind, size):
    if kind == "square":
        return size * size
    elif kind == "circle":
        return 3.14159 * size * size
    raise ValueError(kind)


def describe(n):
    parts = []
    for i in range(n):
        if i % 2:
            parts.append("odd")
        else:
            parts.append("even")
    return parts


def unused():
    return 42
