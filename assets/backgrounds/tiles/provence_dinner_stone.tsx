<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" tiledversion="1.10.2" name="provence_dinner_stone" tilewidth="32" tileheight="20" tilecount="18" columns="6">
 <image source="provence_dinner_stone.png" width="192" height="60"/>
</tileset>
