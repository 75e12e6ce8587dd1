<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" tiledversion="1.10.2" name="vineyard_terrace_stone" tilewidth="32" tileheight="30" tilecount="18" columns="6">
 <image source="vineyard_terrace_stone.png" width="192" height="90"/>
</tileset>
