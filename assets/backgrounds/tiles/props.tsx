<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" tiledversion="1.10.2" name="props" tilewidth="128" tileheight="160" tilecount="1" columns="1">
 <image source="props.png" width="128" height="160"/>
</tileset>
