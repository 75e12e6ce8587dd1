<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" tiledversion="1.10.2" name="vineyard_terrace_birds" tilewidth="32" tileheight="16" tilecount="4" columns="4">
 <image source="vineyard_terrace_birds.png" width="128" height="16"/>
 <tile id="0">
  <animation>
   <frame tileid="0" duration="95"/>
   <frame tileid="1" duration="95"/>
   <frame tileid="2" duration="95"/>
   <frame tileid="3" duration="1295"/>
  </animation>
 </tile>
 <tile id="1">
  <animation>
   <frame tileid="0" duration="110"/>
   <frame tileid="1" duration="110"/>
   <frame tileid="2" duration="110"/>
   <frame tileid="3" duration="1910"/>
  </animation>
 </tile>
 <tile id="2">
  <animation>
   <frame tileid="0" duration="125"/>
   <frame tileid="1" duration="125"/>
   <frame tileid="2" duration="125"/>
   <frame tileid="3" duration="2525"/>
  </animation>
 </tile>
</tileset>
