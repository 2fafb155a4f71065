from parse import parse_number


def total(texts):
    return sum(parse_number(t) for t in texts)
