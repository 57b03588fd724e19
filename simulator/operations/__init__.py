"""Operations: change rows for one use case, flush, and leave the commit to the request."""
