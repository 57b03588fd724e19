"""Operating-system errors told in French (the system's own strerror is in English)."""

from __future__ import annotations

import errno

_MESSAGES = {
    errno.ENOENT: "fichier ou dossier introuvable",
    errno.EACCES: "permission refusée",
    errno.EPERM: "opération non permise",
    errno.EISDIR: "c'est un dossier, pas un fichier",
    errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
    errno.ENAMETOOLONG: "nom de fichier trop long",
    errno.ENOSPC: "plus de place sur le disque",
    errno.EROFS: "système de fichiers en lecture seule",
    errno.EEXIST: "le fichier existe déjà",
    errno.ELOOP: "trop de liens symboliques",
    errno.EMFILE: "trop de fichiers ouverts",
    errno.EIO: "erreur d'entrée-sortie",
}


def french_os_error(exc: OSError) -> str:
    """A short French reason for an OSError."""
    if exc.errno in _MESSAGES:
        return _MESSAGES[exc.errno]
    return f"erreur du système (code {exc.errno})" if exc.errno else "erreur du système"
