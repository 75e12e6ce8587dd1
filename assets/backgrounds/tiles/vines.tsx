<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" tiledversion="1.10.2" name="vines" tilewidth="32" tileheight="32" tilecount="48" columns="8">
 <image source="vines.png" width="256" height="192"/>
</tileset>
