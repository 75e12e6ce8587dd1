<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" tiledversion="1.10.2" name="seine_quays_stone" tilewidth="32" tileheight="36" tilecount="18" columns="6">
 <image source="seine_quays_stone.png" width="192" height="108"/>
</tileset>
