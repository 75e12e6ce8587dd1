"""The game's story copied N times into one story folder, each copy's routes, scenes and endings under new ids
(`paris` becomes `paris_2`, `paris.cafe` becomes `paris_2.cafe`), for measuring explore on a story N times longer.

Copies share the characters, meters and assets; a copy's epilogue reads its own copy's endings."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml


def copy_story(source: Path, into: Path, times: int) -> None:
    """Write `times` copies of the story in source (scenes/ and assets/) as one story folder `into`."""
    shutil.copytree(source / "scenes", into / "scenes")
    if (source / "assets").is_dir():
        shutil.copytree(source / "assets", into / "assets")
    scenes = into / "scenes"
    manifest = yaml.safe_load((scenes / "story.yaml").read_text(encoding="utf-8"))
    routes = dict(manifest["routes"])
    ids = re.compile(r"\b(" + "|".join(map(re.escape, routes)) + r")\.")
    for k in range(2, times + 1):
        rename = lambda text: ids.sub(lambda m: f"{m.group(1)}_{k}.", text)  # noqa: E731
        for route, data in routes.items():
            copy = dict(data, start=rename(data["start"] + ".")[:-1])
            if data.get("after"):
                copy["after"] = [f"{r}_{k}" for r in data["after"]]
            manifest["routes"][f"{route}_{k}"] = copy
            folder = scenes / route
            if not folder.is_dir():
                continue
            target = scenes / f"{route}_{k}"
            target.mkdir()
            for path in sorted(folder.rglob("*.yaml")):
                out = target / path.relative_to(folder)
                out.parent.mkdir(parents=True, exist_ok=True)
                if path.name == "story.yaml":
                    part = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
                    endings = {rename(e + ".")[:-1]: dict(v, route=f"{v['route']}_{k}",
                                                          **({"when": rename(v["when"])} if v.get("when") else {}))
                               for e, v in (part.get("endings") or {}).items()}
                    out.write_text(yaml.safe_dump({"endings": endings}, allow_unicode=True, sort_keys=False),
                                   encoding="utf-8")
                else:
                    out.write_text(rename(path.read_text(encoding="utf-8")), encoding="utf-8")
    (scenes / "story.yaml").write_text(yaml.safe_dump(manifest, allow_unicode=True, sort_keys=False),
                                       encoding="utf-8")
