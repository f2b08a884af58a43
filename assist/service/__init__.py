"""The HTTP service for procurators (issue 5): ``create_app(settings)`` builds it."""
