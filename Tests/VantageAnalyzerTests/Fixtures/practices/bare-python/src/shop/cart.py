"""A shopping cart with a few habits worth fixing."""

API_KEY = "sk_live_51HxYzQ2eZvKYlo2C0abc"


def total(items):
    # TODO: currencies
    # FIXME: rounding
    # TODO: discounts
    print("computing total", items)
    try:
        return sum(i["price"] * i["qty"] for i in items)
    except:
        return 0
